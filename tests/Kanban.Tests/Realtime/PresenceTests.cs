using System.Text.Json;
using Kanban.Client;
using Kanban.Server.Realtime;
using Kanban.Tests.Support;

namespace Kanban.Tests.Realtime;

public sealed class PresenceTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    private static async Task<JsonElement[]> NextViewersAsync(BoardConnection c, Func<JsonElement[], bool> until)
    {
        var e = await c.NextAsync(x => x.Str("type") == "presence:changed" && until(x.GetProperty("viewers").EnumerateArray().ToArray()), Live.Timeout);
        Assert.False(e.TryGetProperty("seq", out _)); // presence is not logged
        return e.GetProperty("viewers").EnumerateArray().ToArray();
    }

    private static JsonElement Of(JsonElement[] viewers, Api user) => viewers.Single(v => v.GetProperty("user").Str("id") == user.UserId);

    [Fact]
    public async Task ViewersTabsEditingAndDisconnects()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "VIEWER");
        var task = (await ana.CreateTaskAsync(await ana.CreateColumnAsync(board, "Todo"), "Shared")).Str("id");

        await using var anaTab1 = await _server.ConnectAsync(ana);
        var first = await anaTab1.JoinAsync(board, null);
        var viewers = first.GetProperty("presence").EnumerateArray().ToArray();
        Assert.Equal(1, Of(viewers, ana).GetProperty("connections").GetInt32());
        Assert.Equal("ana", Of(viewers, ana).GetProperty("user").Str("name"));

        await using var benTab = await _server.ConnectAsync(ben);
        await benTab.JoinAsync(board, null);
        viewers = await NextViewersAsync(anaTab1, v => v.Length == 2);
        Assert.Equal(1, Of(viewers, ben).GetProperty("connections").GetInt32());

        // A second tab of the same person is one viewer with two connections.
        var anaTab2 = await _server.ConnectAsync(ana);
        await anaTab2.JoinAsync(board, null);
        viewers = await NextViewersAsync(benTab, v => v.Length == 2 && Of(v, ana).GetProperty("connections").GetInt32() == 2);

        await anaTab2.SetEditingAsync(board, task);
        viewers = await NextViewersAsync(benTab, v => Of(v, ana).GetProperty("editingTaskId").ValueKind == JsonValueKind.String);
        Assert.Equal(task, Of(viewers, ana).Str("editingTaskId"));
        Assert.Equal(JsonValueKind.Null, Of(viewers, ben).GetProperty("editingTaskId").ValueKind);

        // Closing the tab that was editing takes its connection and its indicator away.
        await anaTab2.DisposeAsync();
        viewers = await NextViewersAsync(benTab, v => Of(v, ana).GetProperty("connections").GetInt32() == 1);
        Assert.Equal(JsonValueKind.Null, Of(viewers, ana).GetProperty("editingTaskId").ValueKind);

        await benTab.LeaveAsync(board);
        viewers = await NextViewersAsync(anaTab1, v => v.Length == 1);
        Assert.Equal(ana.UserId, viewers[0].GetProperty("user").Str("id"));
    }

    [Fact]
    public async Task ACrowdHearsWhoArrivesWithEveryonesConnectionsCounted()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "VIEWER");

        var tabs = new List<BoardConnection>();
        try
        {
            for (var i = 0; i < PresenceNews.SmallRoom + 5; i++)
            {
                var tab = await _server.ConnectAsync(ana);
                tabs.Add(tab);
                await tab.JoinAsync(board, null);
            }
            // Ben's arrival is news to the crowd, and it carries every tab Ana has open.
            await using var benTab = await _server.ConnectAsync(ben);
            var joined = await benTab.JoinAsync(board, null);
            Assert.Equal(tabs.Count, Of(joined.GetProperty("presence").EnumerateArray().ToArray(), ana).GetProperty("connections").GetInt32());
            var viewers = await NextViewersAsync(tabs[0], v => v.Length == 2);
            Assert.Equal(tabs.Count, Of(viewers, ana).GetProperty("connections").GetInt32());
            Assert.Equal(1, Of(viewers, ben).GetProperty("connections").GetInt32());
        }
        finally
        {
            foreach (var tab in tabs)
                await tab.DisposeAsync();
        }
    }

    [Fact]
    public async Task SetEditingNeedsAJoinedBoardAndAUuid()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        await using var tab = await _server.ConnectAsync(ana);
        var notJoined = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => tab.SetEditingAsync(board, null));
        Assert.Contains("FORBIDDEN", notJoined.Message);
        await tab.JoinAsync(board, null);
        var malformed = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => tab.SetEditingAsync(board, "not-a-task"));
        Assert.Contains("VALIDATION", malformed.Message);
        await tab.SetEditingAsync(board, null); // the connection is still usable
    }
}
