using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Realtime;

public sealed class SnapshotCacheTestsOnSqlite(SqliteServer f) : SnapshotCacheTests(f), IClassFixture<SqliteServer>;

public sealed class SnapshotCacheTestsOnPostgres(PostgresServer f) : SnapshotCacheTests(f), IClassFixture<PostgresServer>;

/// <summary>
/// The server keeps a board's snapshot by seq: what each person is shown must still be exactly
/// the board as it is, for them.
/// </summary>
public abstract class SnapshotCacheTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    private async Task<JsonElement> SnapshotAsync(Api member, string board)
    {
        await using var connection = await _server.ConnectAsync(member);
        return (await connection.JoinAsync(board, null)).GetProperty("snapshot");
    }

    /// <summary>Ana's board, with Ben as an editor and one task of his in its one column.</summary>
    private async Task<(Api Ana, Api Ben, string Board, string Todo)> BoardWithBensTaskAsync()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        var todo = await ana.CreateColumnAsync(board, "Todo");
        await ben.CreateTaskAsync(todo, "Ben's task");
        return (ana, ben, board, todo);
    }

    private static JsonElement MemberOf(JsonElement snapshot, Api who) =>
        snapshot.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("user").Str("id") == who.UserId);

    [Fact]
    public async Task ANameChangedWithoutAnyChangeToTheBoardShowsInTheNextSnapshot()
    {
        var (ana, ben, board, _) = await BoardWithBensTaskAsync();

        var before = await SnapshotAsync(ana, board);
        Assert.Equal("ben", MemberOf(before, ben).GetProperty("user").Str("name"));
        Assert.Equal(before.GetRawText(), (await SnapshotAsync(ana, board)).GetRawText());

        await ben.DataAsync("mutation { updateProfile(name: \"Benedita\") { id } }");
        var after = await SnapshotAsync(ana, board);
        Assert.Equal(before.GetProperty("seq").GetInt64(), after.GetProperty("seq").GetInt64());
        Assert.Equal("Benedita", MemberOf(after, ben).GetProperty("user").Str("name"));
        Assert.Equal("Benedita", after.GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("createdBy").Str("name"));
    }

    [Fact]
    public async Task AtOneSeqOwnersSeeMembersEmailsAndNoOneElseDoes()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var vic = await _server.SignUpAsync("vic");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        await ana.AddMemberAsync(board, vic, "VIEWER");

        // Each asks twice, in turns, so a kept snapshot of one is offered to the other if it could be.
        for (var round = 0; round < 2; round++)
        {
            var owners = await SnapshotAsync(ana, board);
            Assert.Equal(ben.Email, MemberOf(owners, ben).Str("email"));
            foreach (var other in new[] { ben, vic })
            {
                var theirs = await SnapshotAsync(other, board);
                Assert.Equal(owners.GetProperty("seq").GetInt64(), theirs.GetProperty("seq").GetInt64());
                Assert.All(theirs.GetProperty("members").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("email").ValueKind));
            }
        }
    }

    [Fact]
    public async Task ASnapshotAfterAChangeShowsIt()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var first = await SnapshotAsync(ana, board);

        await ana.CreateTaskAsync(todo, "New one");
        var second = await SnapshotAsync(ana, board);
        Assert.Equal(first.GetProperty("seq").GetInt64() + 1, second.GetProperty("seq").GetInt64());
        Assert.Equal("New one", second.GetProperty("columns")[0].GetProperty("tasks")[0].Str("title"));
    }

    [Fact]
    public async Task TheBoardQueryIsKeptWithTheSnapshotAndShowsEachChangeAndNameAtOnce()
    {
        var (ana, ben, board, todo) = await BoardWithBensTaskAsync();
        const string Query = "query($id: ID!) { board(id: $id) { seq members { email user { id name } } columns { tasks { title createdBy { name } } } } }";

        // The query and the hub's snapshot at one seq, in turns, for an owner and an editor: each
        // is the board as it is, emails for the owner only, whichever of them read it first.
        for (var round = 0; round < 2; round++)
        {
            var owners = (await ana.DataAsync(Query, new { id = board })).GetProperty("board");
            Assert.Equal(ben.Email, owners.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("user").Str("id") == ben.UserId).Str("email"));
            var theirs = (await ben.DataAsync(Query, new { id = board })).GetProperty("board");
            Assert.All(theirs.GetProperty("members").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("email").ValueKind));
            Assert.Equal((await SnapshotAsync(ben, board)).GetProperty("seq").GetInt64(), theirs.GetProperty("seq").GetInt64());
        }

        await ana.CreateTaskAsync(todo, "Ana's task");
        var changed = (await ben.DataAsync(Query, new { id = board })).GetProperty("board");
        Assert.Equal(["Ben's task", "Ana's task"], changed.GetProperty("columns")[0].GetProperty("tasks").EnumerateArray().Select(t => t.Str("title")));

        await ben.DataAsync("mutation { updateProfile(name: \"Benedita\") { id } }");
        var renamed = (await ana.DataAsync(Query, new { id = board })).GetProperty("board");
        Assert.Equal(changed.GetProperty("seq").GetInt64(), renamed.GetProperty("seq").GetInt64());
        Assert.Equal("Benedita", renamed.GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("createdBy").Str("name"));
    }
}
