using System.Diagnostics.Metrics;
using System.Text.Json;
using Kanban.Client;
using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Events;
using Kanban.Server.Realtime;
using Kanban.Server.Telemetry;
using Kanban.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task ASnapshotMadeFromAnEarlierOneIsTheBoardReadWholeAfterEveryKindOfChange()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var cat = await _server.SignUpAsync("cat");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        for (var i = 0; i < 3; i++)
            await ana.CreateColumnAsync(board, $"Column {i}");
        await using var follow = await _server.ConnectAsync(ana);
        var view = await follow.FollowAsync(ana, board);
        await using var anas = await _server.ConnectAsync(ana);
        await using var bens = await _server.ConnectAsync(ben);
        using var reads = new ServerMeasurements<long>(_server, "kanban.snapshots.read");

        // After each change, the owner's and an editor's snapshot in turns (so each is made from
        // the other's when it can be), each equal to the board read whole, for them, at that seq.
        var turn = 0;
        async Task BothSeeTheBoardAsItIs()
        {
            var (who, connection) = turn++ % 2 == 0 ? (ana, anas) : (ben, bens);
            var snapshot = (await connection.JoinAsync(board, null)).GetProperty("snapshot");
            await connection.LeaveAsync(board);
            Assert.Equal(await ReadWholeAsync(board, who), snapshot.GetRawText());
        }
        var outcome = await RandomChanges.MakeAsync(ana, view, board, 150, seed: 11, afterEach: BothSeeTheBoardAsItIs);

        // And what the random changes do not make: a renamed board, a new member, one removed.
        await ana.DataAsync("mutation($id: ID!) { renameBoard(id: $id, name: \"Renamed\") { id } }", new { id = board });
        await BothSeeTheBoardAsItIs();
        await ana.AddMemberAsync(board, cat, "EDITOR");
        await BothSeeTheBoardAsItIs();
        await ana.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = board, u = cat.UserId });
        await BothSeeTheBoardAsItIs();

        // Most were made from the one before; those after a change to more than its tasks were read whole.
        Assert.True(reads.Sum("patched") > outcome.Changed / 2, $"{reads.Sum("patched")} patched of {outcome.Changed} changes");
        Assert.True(reads.Sum("whole") > 0);
    }

    /// <summary>The board as <paramref name="who"/> sees it, read whole: by a reader that keeps nothing from before.</summary>
    private async Task<string> ReadWholeAsync(string board, Api who)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var nothingKept = new SnapshotCache(TimeProvider.System, new KanbanMetrics(meters.GetRequiredService<IMeterFactory>()));
        var reader = ActivatorUtilities.CreateInstance<BoardReader>(scope.ServiceProvider, nothingKept);
        var read = await reader.SnapshotAsync(Guid.Parse(board), new Caller(who.UserId, null), CancellationToken.None);
        return Wire.From(read!).ToString();
    }
}
