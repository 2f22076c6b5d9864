using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Realtime;

/// <summary>
/// Without joining any board, a user's connections hear that they were added to a board (or
/// their role changed) and that they were removed from one: how a board list stays current.
/// </summary>
public sealed class UserFeedTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task AConnectionInNoRoomHearsItsUserAddedChangedAndRemoved()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var cat = await _server.SignUpAsync("cat");
        var board = await ana.CreateBoardAsync("Shared");
        await using var owner = await _server.ConnectAsync(ana);
        await owner.JoinAsync(board, null);
        await using var list = await _server.ConnectAsync(ben);
        await using var bystander = await _server.ConnectAsync(cat);

        await ana.AddMemberAsync(board, ben, "EDITOR");
        var added = await list.NextAsync(e => e.Str("type") == "member:added", Live.Timeout);
        Assert.Equal(board, added.Str("boardId"));
        Assert.Equal(ben.UserId, added.GetProperty("member").GetProperty("user").Str("id"));
        Assert.Equal("EDITOR", added.GetProperty("member").Str("role"));

        await ana.AddMemberAsync(board, ben, "VIEWER");
        var changed = await list.NextAsync(e => e.Str("type") == "member:added", Live.Timeout);
        Assert.Equal("VIEWER", changed.GetProperty("member").Str("role"));

        await ana.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = board, u = ben.UserId });
        var removed = await list.NextAsync(e => e.Str("type") == "member:removed", Live.Timeout);
        Assert.Equal(board, removed.Str("boardId"));
        Assert.Equal(ben.UserId, removed.Str("userId"));

        // Nothing else of the board, and nothing at all for someone it does not concern. The
        // board's events go out one after another, so once the owner has this one, every
        // earlier one has been sent.
        await ana.CreateColumnAsync(board, "After");
        await owner.NextAsync(e => e.Str("type") == "column:created", Live.Timeout);
        await list.RoundTripAsync();
        Assert.False(list.Received.TryRead(out var extra), $"the user's connection also received {extra}");
        await bystander.RoundTripAsync();
        Assert.False(bystander.Received.TryRead(out var leaked), $"a user it does not concern received {leaked}");
    }

    [Fact]
    public async Task EveryMemberOfADeletedBoardHearsItOnceWithoutJoiningIt()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var cat = await _server.SignUpAsync("cat");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "VIEWER");
        await using var list = await _server.ConnectAsync(ben);
        await using var inRoom = await _server.ConnectAsync(ana);
        await inRoom.JoinAsync(board, null);
        await using var bystander = await _server.ConnectAsync(cat);

        await ana.DataAsync("mutation($id: ID!) { deleteBoard(id: $id) { id } }", new { id = board });

        var deleted = await list.NextAsync(e => e.Str("type") == "board:deleted", Live.Timeout);
        Assert.Equal(board, deleted.Str("boardId"));
        Assert.Equal(new[] { ana.UserId, ben.UserId }.Order(), deleted.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()).Order());
        await inRoom.NextAsync(e => e.Str("type") == "board:deleted", Live.Timeout);
        await inRoom.RoundTripAsync();
        Assert.False(inRoom.Received.TryRead(out var again), $"the owner's connection in the room also received {again}");
        await bystander.RoundTripAsync();
        Assert.False(bystander.Received.TryRead(out var leaked), $"a user it does not concern received {leaked}");
    }

    [Fact]
    public async Task AConnectionInTheRoomHearsEachChangeOfItsUserOnce()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        await using var owner = await _server.ConnectAsync(ana);
        await owner.JoinAsync(board, null);
        await using var open = await _server.ConnectAsync(ben);
        await open.JoinAsync(board, null);

        await ana.AddMemberAsync(board, ben, "VIEWER");
        await open.NextAsync(e => e.Str("type") == "member:added", Live.Timeout);
        await ana.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = board, u = ben.UserId });
        await open.NextAsync(e => e.Str("type") == "member:removed", Live.Timeout);

        // Once the owner hears a later event of the board, every copy of the earlier ones is sent.
        await ana.CreateColumnAsync(board, "After");
        await owner.NextAsync(e => e.Str("type") == "column:created", Live.Timeout);
        await open.RoundTripAsync();
        var rest = new List<string>();
        while (open.Received.TryRead(out var e))
            rest.Add(e.Str("type")!);
        Assert.DoesNotContain("member:added", rest);
        Assert.DoesNotContain("member:removed", rest);
    }
}
