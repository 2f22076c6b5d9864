using Kanban.Client;
using Kanban.Server.Data;
using Kanban.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kanban.Tests.History;

/// <summary>The history's own window (HISTORY_DAYS), apart from the event log's (EVENT_RETENTION).</summary>
public sealed class RetentionTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task TheHistoryListsEveryChangeAfterTheEventLogWasPruned(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = new KanbanServer(db, new Dictionary<string, string?> { ["EVENT_RETENTION"] = "5" });
        var ana = await server.SignUpAsync("Ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var task = (await ana.CreateTaskAsync(todo, "t0")).Str("id");
        for (var i = 1; i <= 70; i++)
            await ana.UpdateTaskAsync(new { id = task, title = $"t{i}" });

        // The log kept the last few events only (it was pruned at seq 64)...
        var log = await ana.DataAsync("query($b: ID!) { boardEvents(boardId: $b, afterSeq: 0) { resetRequired } }", new { b = board });
        Assert.True(log.GetProperty("boardEvents").GetProperty("resetRequired").GetBoolean());
        Assert.True(await CountAsync(server, s => s.Events) < 64);
        // ...the history keeps every change.
        var history = await ana.ActivityAsync(board);
        Assert.Equal(Enumerable.Range(1, 72).Reverse().Select(i => (long)i), history.Select(a => a.GetProperty("seq").GetInt64()));
        Assert.Equal("Ana renamed “t0” to “t1”", history[^3].Str("summary"));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task EntriesOlderThanHistoryDaysAreNeitherShownNorKept(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = new KanbanServer(db, new Dictionary<string, string?> { ["HISTORY_DAYS"] = "2" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        var ana = await server.SignUpAsync("Ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var task = (await ana.CreateTaskAsync(todo, "old")).Str("id");

        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        // The sign-in expired with the days that passed: sign in again.
        ana.Http.DefaultRequestHeaders.Authorization = Api.Bearer(await Accounts.LogInAsync(ana.Http, ana.Email));
        await ana.UpdateTaskAsync(new { id = task, title = "new" });

        Assert.Equal(["Ana renamed “old” to “new”"], (await ana.ActivityAsync(board)).Summaries());
        Assert.Equal(["Ana renamed “old” to “new”"], (await ana.TaskActivityAsync(task)).Summaries());
        Assert.Equal(3, await CountAsync(server, s => s.Activities)); // not read, but not pruned yet

        // Pruning (every 64th seq) deletes them, and only them.
        for (var i = 0; i < 61; i++)
            await ana.UpdateTaskAsync(new { id = task, title = $"t{i}" });
        Assert.Equal(64, await ana.SeqAsync(board));
        Assert.Equal(61 + 1, await CountAsync(server, s => s.Activities));
        Assert.Equal(62, (await ana.ActivityAsync(board)).Count);
    }

    private static async Task<int> CountAsync<T>(KanbanServer server, Func<KanbanDb, IQueryable<T>> rows)
    {
        using var scope = server.Services.CreateScope();
        return await rows(scope.ServiceProvider.GetRequiredService<KanbanDb>()).CountAsync();
    }
}
