using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Realtime;

/// <summary>Every change reaches another member's connection as the contract's event, in seq order.</summary>
public sealed class EventDeliveryTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task EveryMutationReachesAnotherMemberWithItsPayloadSeqAndOrigin()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var cat = await _server.SignUpAsync("cat");
        ana.ClientId = "ana-tab-1";
        var board = await ana.CreateBoardAsync("Launch");
        await ana.AddMemberAsync(board, ben, "VIEWER");
        await using var watcher = await _server.ConnectAsync(ben);
        var joined = await watcher.JoinAsync(board, null);
        var seq = joined.GetProperty("seq").GetInt64();

        async Task<JsonElement> Expect(string type, Func<Task> change)
        {
            await change();
            var e = await watcher.NextAsync(x => x.Str("type") != "presence:changed", Live.Timeout);
            Assert.Equal(type, e.Str("type"));
            Assert.Equal(++seq, e.GetProperty("seq").GetInt64());
            Assert.Equal(board, e.Str("boardId"));
            Assert.Equal("ana-tab-1", e.Str("origin"));
            Assert.Equal(ana.UserId, e.GetProperty("actor").Str("id"));
            Assert.Equal("ana", e.GetProperty("actor").Str("name"));
            Assert.True(DateTime.TryParse(e.Str("at"), out _));
            return e;
        }

        string todo = "", done = "", task = "";
        var column = await Expect("column:created", async () => todo = await ana.CreateColumnAsync(board, "Todo"));
        Assert.Equal(todo, column.GetProperty("column").Str("id"));
        Assert.Equal(0, column.GetProperty("column").GetProperty("tasks").GetArrayLength());
        await Expect("column:created", async () => done = await ana.CreateColumnAsync(board, "Done"));

        var renamed = await Expect("column:updated", () => ana.DataAsync("mutation($id: ID!) { updateColumn(input: { id: $id, name: \"Backlog\" }) { id } }", new { id = todo }));
        Assert.Equal(todo, renamed.Str("columnId"));
        Assert.Equal("Backlog", renamed.GetProperty("updates").Str("name"));

        var movedColumn = await Expect("column:moved", () => ana.DataAsync("mutation($id: ID!) { moveColumn(input: { id: $id, index: 1 }) { id } }", new { id = todo }));
        Assert.Equal(1, movedColumn.GetProperty("position").GetInt32());
        Assert.Equal(todo, movedColumn.Str("columnId"));

        var created = await Expect("task:created", async () => task = (await ana.CreateTaskAsync(todo, "Write it")).Str("id"));
        Assert.Equal("Write it", created.GetProperty("task").Str("title"));
        Assert.Equal(1, created.GetProperty("task").GetProperty("version").GetInt32());
        Assert.Equal(ana.UserId, created.GetProperty("task").GetProperty("createdBy").Str("id"));

        var updated = await Expect("task:updated", () => ana.DataAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }",
            new { i = new { id = task, description = "details" } }));
        Assert.Equal(task, updated.Str("taskId"));
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal("details", updated.GetProperty("updates").Str("description"));
        Assert.False(updated.GetProperty("updates").TryGetProperty("title", out _)); // only what changed
        Assert.True(updated.GetProperty("updates").TryGetProperty("updatedAt", out _));

        await ana.CreateTaskAsync(done, "Already there");
        await watcher.NextAsync(x => x.Str("type") == "task:created", Live.Timeout);
        seq++;
        var moved = await Expect("task:moved", () => ana.MoveTaskAsync(task, done, 1));
        Assert.Equal(todo, moved.Str("fromColumn"));
        Assert.Equal(done, moved.Str("toColumn"));
        Assert.Equal(1, moved.GetProperty("position").GetInt32());
        Assert.Equal(3, moved.GetProperty("version").GetInt32());
        Assert.False(string.IsNullOrEmpty(moved.Str("rank")));

        var deleted = await Expect("task:deleted", () => ana.DataAsync("mutation($id: ID!) { deleteTask(id: $id) { id } }", new { id = task }));
        Assert.Equal(task, deleted.Str("taskId"));

        var boardUpdated = await Expect("board:updated", () => ana.DataAsync("mutation($id: ID!) { renameBoard(id: $id, name: \"Launch 2\") { id } }", new { id = board }));
        Assert.Equal("Launch 2", boardUpdated.GetProperty("updates").Str("name"));

        var added = await Expect("member:added", () => ana.AddMemberAsync(board, cat, "EDITOR"));
        Assert.Equal("EDITOR", added.GetProperty("member").Str("role"));
        Assert.Equal(cat.UserId, added.GetProperty("member").GetProperty("user").Str("id"));

        var removed = await Expect("member:removed", () => ana.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = board, u = cat.UserId }));
        Assert.Equal(cat.UserId, removed.Str("userId"));

        var columnDeleted = await Expect("column:deleted", () => ana.DataAsync("mutation($id: ID!) { deleteColumn(id: $id) { id } }", new { id = done }));
        Assert.Equal(done, columnDeleted.Str("columnId"));

        // A worn-out gap is respread and pushed as one tasks:reranked before the task that caused it.
        var batch = string.Join(" ", Enumerable.Range(0, 150).Select(i => $"t{i}: createTask(input: {{ columnId: $c, title: \"t{i}\", index: 1 }}) {{ id }}"));
        await ana.CreateTaskAsync(todo, "first");
        await ana.CreateTaskAsync(todo, "last");
        await ana.DataAsync($"mutation($c: ID!) {{ {batch} }}", new { c = todo });
        var reranked = await watcher.NextAsync(x => x.Str("type") == "tasks:reranked", Live.Timeout);
        Assert.Equal(todo, reranked.Str("columnId"));
        Assert.Equal("ana-tab-1", reranked.Str("origin"));
        Assert.NotEmpty(reranked.GetProperty("ranks").EnumerateArray());

        var last = await watcher.NextAsync(x => x.Str("type") == "task:created" && x.GetProperty("task").Str("title") == "t149", Live.Timeout);
        seq = last.GetProperty("seq").GetInt64();
        await Expect("board:deleted", () => ana.DataAsync("mutation($id: ID!) { deleteBoard(id: $id) { id } }", new { id = board }));
    }

    [Fact]
    public async Task JoiningCatchesUpWithExactlyTheMissedEvents()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        var column = await ana.CreateColumnAsync(board, "Todo");

        BoardReplica replica;
        await using (var before = await _server.ConnectAsync(ben))
            replica = BoardReplica.FromSnapshot((await before.JoinAsync(board, null)).GetProperty("snapshot"));

        for (var i = 0; i < 50; i++)
            await ana.CreateTaskAsync(column, $"while away {i}");

        await using var after = await _server.ConnectAsync(ben);
        var answer = await after.JoinAsync(board, replica.Seq);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("snapshot").ValueKind);
        var events = answer.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range((int)replica.Seq + 1, 50).Select(s => (long)s), events.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.All(events, e => Assert.Equal("task:created", e.Str("type")));
        Assert.Equal(replica.Seq + 50, answer.GetProperty("seq").GetInt64());
        foreach (var e in events)
            replica.Apply(e);
        Assert.Equal(BoardReplica.Canonical(await ana.BoardAsync(board)), replica.Canonical());

        // Ahead of the board (another timeline) or with no seq at all: the whole board.
        Assert.Equal(JsonValueKind.Object, (await after.JoinAsync(board, replica.Seq + 5)).GetProperty("snapshot").ValueKind);
        var fresh = await after.JoinAsync(board, null);
        Assert.Empty(fresh.GetProperty("events").EnumerateArray());
        Assert.Equal(replica.Canonical(), BoardReplica.Canonical(fresh.GetProperty("snapshot")));
    }

    [Fact]
    public async Task ANonMemberCannotJoinAndHearsNothing()
    {
        var ana = await _server.SignUpAsync("ana");
        var sam = await _server.SignUpAsync("sam");
        var board = await ana.CreateBoardAsync();
        await using var owner = await _server.ConnectAsync(ana);
        await owner.JoinAsync(board, null);
        await using var stranger = await _server.ConnectAsync(sam);

        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => stranger.JoinAsync(board, null));
        Assert.Contains("FORBIDDEN", refused.Message);
        var missing = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => stranger.JoinAsync(Guid.NewGuid().ToString(), null));
        Assert.Contains("NOT_FOUND", missing.Message);
        var malformed = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => stranger.JoinAsync("nope", null));
        Assert.Contains("VALIDATION", malformed.Message);

        await ana.CreateColumnAsync(board, "Secret");
        await owner.NextAsync(e => e.Str("type") == "column:created", Live.Timeout);
        await stranger.RoundTripAsync(); // the connection still works, and anything sent to it has arrived
        Assert.False(stranger.Received.TryRead(out var leaked), $"a non-member received {leaked}");
    }

    [Fact]
    public async Task ARemovedMemberHearsTheRemovalAndNothingAfter()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        await using var owner = await _server.ConnectAsync(ana);
        await owner.JoinAsync(board, null);
        await using var removed = await _server.ConnectAsync(ben);
        await removed.JoinAsync(board, null);

        await ana.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = board, u = ben.UserId });
        var last = await removed.NextAsync(e => e.Str("type") == "member:removed", Live.Timeout);
        Assert.Equal(ben.UserId, last.Str("userId"));

        await ana.CreateColumnAsync(board, "After");
        await owner.NextAsync(e => e.Str("type") == "column:created", Live.Timeout);
        await removed.RoundTripAsync();
        Assert.False(removed.Received.TryRead(out var leaked), $"a removed member received {leaked}");
        var again = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => removed.JoinAsync(board, null));
        Assert.Contains("FORBIDDEN", again.Message);
    }

    [Fact]
    public async Task AMemberAddedWhileConnectedCanJoinAtOnce()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await using var connection = await _server.ConnectAsync(ben);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => connection.JoinAsync(board, null));
        await ana.AddMemberAsync(board, ben, "VIEWER");
        var joined = await connection.JoinAsync(board, null);
        Assert.Equal(board, joined.GetProperty("snapshot").Str("id"));
    }

    [Fact]
    public async Task DeletingABoardClosesItsRoom()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        var other = await ana.CreateBoardAsync("Other");
        await ana.AddMemberAsync(board, ben, "EDITOR");
        await ana.AddMemberAsync(other, ben, "EDITOR");
        await using var connection = await _server.ConnectAsync(ben);
        await connection.JoinAsync(board, null);
        await connection.JoinAsync(other, null);

        await ana.DataAsync("mutation($id: ID!) { deleteBoard(id: $id) { id } }", new { id = board });
        await connection.NextAsync(e => e.Str("type") == "board:deleted" && e.Str("boardId") == board, Live.Timeout);
        await ana.CreateColumnAsync(other, "Still live"); // the connection is still in its other rooms
        var next = await connection.NextAsync(e => e.Str("type") != "presence:changed", Live.Timeout);
        Assert.Equal(other, next.Str("boardId"));
    }
}
