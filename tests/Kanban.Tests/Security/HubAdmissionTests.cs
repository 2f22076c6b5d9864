using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Tests.Security;

/// <summary>Who a board's room lets in, and what a connection may say about a board it is in.</summary>
public sealed class HubAdmissionTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task ANonMemberJoiningAgainAndAgainHearsNothingOfTheBoard()
    {
        var ana = await _server.SignUpAsync("ana");
        var mallory = await _server.SignUpAsync("mallory");
        var board = await ana.CreateBoardAsync();
        var column = await ana.CreateColumnAsync(board, "Todo");
        await using var anaTab = await _server.ConnectAsync(ana);
        await anaTab.JoinAsync(board, null);

        var tabs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _server.ConnectAsync(mallory)));
        using var writing = new CancellationTokenSource();
        var refusals = 0;
        var knocking = tabs.Select(async tab =>
        {
            while (!writing.IsCancellationRequested)
            {
                var refused = await Assert.ThrowsAsync<HubException>(() => tab.JoinAsync(board, null));
                Assert.Contains("FORBIDDEN", refused.Message);
                Interlocked.Increment(ref refusals);
            }
        }).ToList();

        for (var i = 0; i < 40; i++)
            await ana.CreateTaskAsync(column, $"Secret {i}");
        await writing.CancelAsync();
        await Task.WhenAll(knocking);

        Assert.True(refusals > 3, $"only {refusals} joins were tried");
        await anaTab.NextAsync(e => e.Str("type") == "task:created" && e.GetProperty("task").Str("title") == "Secret 39", Live.Timeout);
        foreach (var tab in tabs)
        {
            await tab.RoundTripAsync(); // anything pushed to it before has arrived by now
            Assert.False(tab.Received.TryRead(out var heard), $"a refused connection heard {heard}");
            await tab.DisposeAsync();
        }
        // A refused join leaves no trace in presence either.
        var answer = await anaTab.JoinAsync(board, null);
        var viewers = answer.GetProperty("presence").EnumerateArray().Select(v => v.GetProperty("user").Str("id"));
        Assert.Equal([ana.UserId], viewers);
    }

    [Fact]
    public async Task SetEditingOnlyNamesATaskOfThatBoard()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync("Here");
        var other = await ana.CreateBoardAsync("Elsewhere");
        var foreignTask = (await ana.CreateTaskAsync(await ana.CreateColumnAsync(other, "Todo"), "Not here")).Str("id");
        var ownTask = (await ana.CreateTaskAsync(await ana.CreateColumnAsync(board, "Todo"), "Here")).Str("id");
        await using var tab = await _server.ConnectAsync(ana);
        await tab.JoinAsync(board, null);

        foreach (var task in new[] { foreignTask, Guid.NewGuid().ToString() })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => tab.SetEditingAsync(board, task));
            Assert.Contains("NOT_FOUND", refused.Message);
        }

        await tab.SetEditingAsync(board, ownTask);
        // The join's own presence:changed may still be on its way, so wait for the first one that
        // names a task: the refused calls must not have produced it.
        var shown = await tab.NextAsync(e => e.Str("type") == "presence:changed" && EditingOf(e) is not null, Live.Timeout);
        Assert.Equal(ownTask, EditingOf(shown));
    }

    private static string? EditingOf(JsonElement presence)
    {
        return presence.GetProperty("viewers").EnumerateArray().Single().GetProperty("editingTaskId").GetString();
    }

    [Fact]
    public async Task RefusedHubCallsAreNotLoggedAsErrors()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        var ana = await server.SignUpAsync("ana");
        var mallory = await server.SignUpAsync("mallory");
        var board = await ana.CreateBoardAsync();
        await using var tab = await server.ConnectAsync(mallory);
        var before = server.Log.Length;

        for (var i = 0; i < 100; i++)
        {
            Assert.Contains("FORBIDDEN", (await Assert.ThrowsAsync<HubException>(() => tab.JoinAsync(board, null))).Message);
            Assert.Contains("NOT_FOUND", (await Assert.ThrowsAsync<HubException>(() => tab.JoinAsync(Guid.NewGuid().ToString(), null))).Message);
            Assert.Contains("VALIDATION", (await Assert.ThrowsAsync<HubException>(() => tab.JoinAsync("not-a-board", null))).Message);
        }

        var grown = server.Log.Length - before;
        Assert.True(grown < 4_096, $"300 refusals grew the log by {grown} characters:\n{server.Log.Text()}");
        Assert.DoesNotContain(server.Log.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }
}
