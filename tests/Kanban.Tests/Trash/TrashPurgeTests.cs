using Kanban.Client;
using Kanban.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kanban.Tests.Trash;

public sealed class TrashPurgeTestsOnSqlite() : TrashPurgeTests(DatabaseKind.Sqlite);

public sealed class TrashPurgeTestsOnPostgres() : TrashPurgeTests(DatabaseKind.Postgres);

/// <summary>The purge on a server whose clock the test turns (the server's own TimeProvider).</summary>
public abstract class TrashPurgeTests(DatabaseKind kind)
{
    [Fact]
    public async Task TrashOlderThanTrashDaysIsPurgedForGoodAndItsIdsStayRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var server = new KanbanServer(database, new Dictionary<string, string?> { ["TRASH_DAYS"] = "1" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        var http = server.NewHttpClient();
        var ana = await Accounts.SignUpAsync(http, "ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var doomed = await ana.CreateColumnAsync(board, "Doomed");
        var old = (await ana.CreateTaskAsync(todo, "old")).Str("id");
        await ana.DataAsync(TaskDetailApi.AddComment, new { i = new { taskId = old, body = "goes too" } });
        await ana.AddItemAsync(old, "step");
        var withColumn = (await ana.CreateTaskAsync(doomed, "with its column")).Str("id");
        var recent = (await ana.CreateTaskAsync(todo, "recent")).Str("id");
        await ana.DeleteTaskAsync(old);
        await ana.DeleteColumnAsync(doomed);

        // Access tokens live an hour on that clock: ana signs in again after each turn of it.
        clock.Advance(TimeSpan.FromHours(12));
        http.DefaultRequestHeaders.Authorization = Api.Bearer(await Accounts.LogInAsync(http, ana.Email));
        await ana.DeleteTaskAsync(recent);
        // A day and an hour after the first deletes, 13 hours after the last; the hourly purge has run since.
        clock.Advance(TimeSpan.FromHours(13));
        http.DefaultRequestHeaders.Authorization = Api.Bearer(await Accounts.LogInAsync(http, ana.Email));

        var deadline = DateTime.UtcNow + Live.Timeout;
        while ((await ana.TrashAsync(board)).Length != 1 && DateTime.UtcNow < deadline)
            await Task.Delay(20); // polling for the purge's end, which the clock's tick started
        Assert.Equal(["recent"], (await ana.TrashAsync(board)).Select(i => i.Str("title")));

        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TrashApi.RestoreTask, new { id = old })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TrashApi.RestoreColumn, new { id = doomed })).Code);
        var createTask = "mutation($c: ID!, $id: ID) { createTask(input: { id: $id, columnId: $c, title: \"x\" }) { id } }";
        foreach (var id in new[] { old, withColumn, recent })
            Assert.Equal("CONFLICT", (await ana.FailAsync(createTask, new { c = todo, id })).Code);
        Assert.Equal("CONFLICT", (await ana.FailAsync("mutation($b: ID!, $id: ID) { createColumn(input: { id: $id, boardId: $b, name: \"x\" }) { id } }",
            new { b = board, id = doomed })).Code);
        Assert.Equal("recent", (await ana.RestoreTaskAsync(recent)).Str("title"));
        Assert.DoesNotContain(server.Log.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && e.Category.Contains("TrashPurge"));
    }
}

/// <summary>Several servers on one PostgreSQL purge at the same moment: they take turns per board, and none of them fails.</summary>
public sealed class TrashPurgeOnSeveralServersTests
{
    [Fact]
    public async Task ServersPurgingTheSameTrashAtOnceAllSucceedAndRetireEachIdOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var settings = new Dictionary<string, string?> { ["TRASH_DAYS"] = "1" };
        var servers = new List<KanbanServer>();
        for (var i = 0; i < 3; i++)
            servers.Add(new KanbanServer(database, settings, services: s => s.AddSingleton<TimeProvider>(clock)));
        try
        {
            var http = servers[0].NewHttpClient();
            var ana = await Accounts.SignUpAsync(http, "ana");
            var boards = new List<string>();
            var trashed = new List<string>();
            for (var b = 0; b < 3; b++)
            {
                var board = await ana.CreateBoardAsync($"Board {b}");
                boards.Add(board);
                var column = await ana.CreateColumnAsync(board, "Todo");
                for (var t = 0; t < 10; t++)
                {
                    var id = (await ana.CreateTaskAsync(column, $"Task {t}")).Str("id");
                    await ana.DeleteTaskAsync(id);
                    trashed.Add(id);
                }
                var doomed = await ana.CreateColumnAsync(board, "Doomed");
                trashed.Add((await ana.CreateTaskAsync(doomed, "goes with its column")).Str("id"));
                await ana.DeleteColumnAsync(doomed);
            }

            clock.Advance(TimeSpan.FromHours(25)); // every server's hourly purge comes due at once
            http.DefaultRequestHeaders.Authorization = Api.Bearer(await Accounts.LogInAsync(http, ana.Email));
            var deadline = DateTime.UtcNow + Live.Timeout;
            async Task<int> TrashCountAsync() => (await Task.WhenAll(boards.Select(b => ana.TrashAsync(b)))).Sum(t => t.Length);
            while (await TrashCountAsync() > 0 && DateTime.UtcNow < deadline)
                await Task.Delay(20); // polling for the purges' end, which the clock's tick started
            Assert.Equal(0, await TrashCountAsync());

            var createTask = "mutation($c: ID!, $id: ID) { createTask(input: { id: $id, columnId: $c, title: \"x\" }) { id } }";
            var live = await ana.CreateColumnAsync(boards[0], "Live");
            foreach (var id in trashed)
                Assert.Equal("CONFLICT", (await ana.FailAsync(createTask, new { c = live, id })).Code);
            // Nothing went wrong or looked odd: no failed purge, no failed or doubtful query (starting
            // servers' own notes about a new database, its keys and missing web files aside).
            foreach (var server in servers)
                Assert.False(server.Log.Entries.Any(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning
                    && !e.Category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal)
                    && !e.Category.StartsWith("Microsoft.AspNetCore.StaticFiles", StringComparison.Ordinal) // a server-only build has no web files
                    && !e.Text.Contains("__EFMigrationsHistory", StringComparison.Ordinal)), server.Log.Text(6000));
        }
        finally
        {
            foreach (var server in servers)
                await server.DisposeAsync();
        }
    }
}
