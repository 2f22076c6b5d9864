using Kanban.Client;
using Kanban.Server.Boards;
using Kanban.Server.Data;
using Kanban.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Tests.Data;

/// <summary>
/// A change that only updates rows and logs (a move, an edit) is saved as plain SQL, not through
/// EF Core's SaveChanges, and stores exactly what EF Core reads back as the values the change made.
/// </summary>
public sealed class PlainSaveTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task AMoveAndAnEditAreSavedAsPlainSqlThatEfCoreReadsBackExactly(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var commands = new CommandCounter();
        await using var server = new KanbanServer(db, services: commands.AddTo);
        var ana = await server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var done = await ana.CreateColumnAsync(board, "Done");
        var task = (await ana.CreateTaskAsync(todo, "Write the report")).Str("id");

        var before = commands.Ran.Count;
        var moved = await ana.MoveTaskAsync(task, done, 0);
        // The counter sees what EF Core runs, not the plain command: EF Core saved nothing of the move.
        Assert.DoesNotContain(commands.Ran.Skip(before), c => c.Text.Contains("INSERT", StringComparison.Ordinal) || c.Text.Contains("UPDATE", StringComparison.Ordinal));

        await ana.UpdateTaskAsync(new { id = task, title = "Write the final report", dueDate = "2030-02-28" });
        var events = await ana.EventsAsync(board);
        var edit = events[^1];

        await using var scope = server.Services.CreateAsyncScope();
        var read = scope.ServiceProvider.GetRequiredService<KanbanDb>();
        var row = await read.Tasks.AsNoTracking().SingleAsync(t => t.Id == Guid.Parse(task));
        Assert.Equal(Guid.Parse(done), row.ColumnId);
        Assert.Equal(moved.Str("rank"), row.Rank);
        Assert.Equal(3, row.Version);
        Assert.Equal(2, row.PlaceVersion);
        Assert.Equal(3, row.TitleVersion);
        Assert.Equal(3, row.DueDateVersion);
        Assert.Equal("Write the final report", row.Title);
        Assert.Equal(new DateOnly(2030, 2, 28), row.DueDate);
        Assert.Equal(edit.GetProperty("at").GetDateTimeOffset(), row.UpdatedAt);

        var seq = edit.GetProperty("seq").GetInt64();
        var logged = await read.Events.AsNoTracking().SingleAsync(e => e.BoardId == Guid.Parse(board) && e.Seq == seq);
        Assert.Equal("task:updated", logged.Type);
        Assert.Equal(row.UpdatedAt, logged.At);
        Assert.Equal(seq, (await read.Boards.AsNoTracking().SingleAsync(b => b.Id == Guid.Parse(board))).Seq);
        var entry = await read.Activities.AsNoTracking().SingleAsync(a => a.BoardId == Guid.Parse(board) && a.Seq == seq);
        Assert.Equal(Guid.Parse(task), entry.TaskId);
        Assert.Equal(row.UpdatedAt, entry.At);

        // Timestamps are stored as EF Core stores them: the same layout as the create's (the task's row is found by its own).
        Assert.Equal(1, await read.Tasks.CountAsync(t => t.UpdatedAt == row.UpdatedAt && t.CreatedAt < row.UpdatedAt));
    }
}
