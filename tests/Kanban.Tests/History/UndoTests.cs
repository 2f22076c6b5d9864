using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.History;

public sealed class UndoTestsOnSqlite(SqliteServer f) : UndoTests(f), IClassFixture<SqliteServer>;

public sealed class UndoTestsOnPostgres(PostgresServer f) : UndoTests(f), IClassFixture<PostgresServer>;

/// <summary>Undo is ordinary mutations fed by what the events carry: the place a task came from, the values it had.</summary>
public abstract class UndoTests(ServerFixture fixture)
{
    private const string MoveTask = "mutation($i: MoveTaskInput!) { moveTask(input: $i) { id version columnId } }";
    private readonly KanbanServer _server = fixture.Server;

    private async Task<(Api ana, Api ben, string board, string todo, string done)> BoardAsync()
    {
        var ana = await _server.SignUpAsync("Ana");
        var ben = await _server.SignUpAsync("Ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        return (ana, ben, board, await ana.CreateColumnAsync(board, "Todo"), await ana.CreateColumnAsync(board, "Done"));
    }

    [Fact]
    public async Task UndoingAMoveWithItsFromColumnAndFromPositionPutsTheTaskBack()
    {
        var (ana, _, board, todo, done) = await BoardAsync();
        await ana.CreateTaskAsync(todo, "a");
        var b = (await ana.CreateTaskAsync(todo, "b")).Str("id");
        await ana.CreateTaskAsync(todo, "c");
        await ana.CreateTaskAsync(done, "x");
        var seq = await ana.SeqAsync(board);
        var moved = await ana.MoveTaskAsync(b, done, 1);

        var e = (await ana.EventsAsync(board, seq)).Single().GetProperty("payload");
        Assert.Equal((todo, 1), (e.Str("fromColumn"), e.GetProperty("fromPosition").GetInt32()));
        await ana.DataAsync(MoveTask, new { i = new { id = b, columnId = e.Str("fromColumn"), index = e.GetProperty("fromPosition").GetInt32(),
            expectedVersion = moved.GetProperty("version").GetInt32() } });

        Assert.Equal(["a", "b", "c"], await ana.TitlesAsync(board, todo));
        Assert.Equal(["x"], await ana.TitlesAsync(board, done));
    }

    [Fact]
    public async Task UndoingATitleEditSucceedsAfterSomeoneElseEditedTheDescription()
    {
        var (ana, ben, board, todo, _) = await BoardAsync();
        var task = (await ana.CreateTaskAsync(todo, "Fix logn")).Str("id");
        var seq = await ana.SeqAsync(board);
        var mine = await ana.UpdateTaskAsync(new { id = task, title = "Fix login" });
        var before = (await ana.EventsAsync(board, seq)).Single().GetProperty("payload").GetProperty("before");
        Assert.Equal("""{"title":"Fix logn"}""", before.GetRawText());
        await ben.UpdateTaskAsync(new { id = task, description = "Ben's notes" });

        var undone = await ana.UpdateTaskAsync(new { id = task, title = before.Str("title"), expectedVersion = mine.GetProperty("version").GetInt32() });
        Assert.Equal(("Fix logn", "Ben's notes"), (undone.Str("title"), undone.Str("description")));
    }

    [Fact]
    public async Task UndoingATitleEditSomeoneElseChangedSinceIsAConflictNamingThem()
    {
        var (ana, ben, _, todo, _) = await BoardAsync();
        var task = (await ana.CreateTaskAsync(todo, "Fix logn")).Str("id");
        var mine = await ana.UpdateTaskAsync(new { id = task, title = "Fix login" });
        await ben.UpdateTaskAsync(new { id = task, title = "Fix the login" });

        var refused = await ana.FailAsync(TaskDetailApi.UpdateTask,
            new { i = new { id = task, title = "Fix logn", expectedVersion = mine.GetProperty("version").GetInt32() } });
        Assert.Equal("CONFLICT", refused.Code);
        var extensions = refused.Errors[0].GetProperty("extensions");
        Assert.Equal((ben.UserId, "Ben"), (extensions.GetProperty("changedBy").Str("id"), extensions.GetProperty("changedBy").Str("name")));
        Assert.Equal("Fix the login", extensions.GetProperty("current").Str("title"));
        Assert.Equal("Fix the login", (await ana.DataAsync("query($id: ID!) { task(id: $id) { title } }", new { id = task })).GetProperty("task").Str("title"));
    }

    [Fact]
    public async Task UndoingAMoveSomeoneElseMovedSinceIsAConflictNamingThem()
    {
        var (ana, ben, _, todo, done) = await BoardAsync();
        var task = (await ana.CreateTaskAsync(todo, "a")).Str("id");
        var mine = await ana.MoveTaskAsync(task, done, 0);
        await ben.MoveTaskAsync(task, todo, 0);

        var refused = await ana.FailAsync(MoveTask, new { i = new { id = task, columnId = todo, index = 0, expectedVersion = mine.GetProperty("version").GetInt32() } });
        Assert.Equal("CONFLICT", refused.Code);
        Assert.Equal(ben.UserId, refused.Errors[0].GetProperty("extensions").GetProperty("changedBy").Str("id"));
    }
}
