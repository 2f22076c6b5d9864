using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Boards;

public sealed class BoardTestsOnSqlite(SqliteServer f) : BoardTests(f), IClassFixture<SqliteServer>;

public sealed class BoardTestsOnPostgres(PostgresServer f) : BoardTests(f), IClassFixture<PostgresServer>;

public abstract class BoardTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    private static async Task<string[]> BoardIdsAsync(Api api) =>
        (await api.DataAsync("{ boards { id } }")).GetProperty("boards").EnumerateArray().Select(b => b.Str("id")).ToArray();

    [Fact]
    public async Task ANewBoardStartsAtSeqZeroWithItsCreatorAsOwner()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync("  Launch  ");
        var read = await ana.BoardAsync(board);
        Assert.Equal("Launch", read.Str("name"));
        Assert.Equal(0, read.GetProperty("seq").GetInt64());
        var owner = read.GetProperty("members").EnumerateArray().Single();
        Assert.Equal("OWNER", owner.Str("role"));
        Assert.Equal(ana.UserId, owner.GetProperty("user").Str("id"));
        Assert.Empty(await ana.EventsAsync(board));
        Assert.Contains(board, await BoardIdsAsync(ana));
    }

    [Fact]
    public async Task BoardsListsOnlyTheCallersBoards()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var anas = await ana.CreateBoardAsync("Ana's");
        var bens = await ben.CreateBoardAsync("Ben's");
        Assert.Contains(anas, await BoardIdsAsync(ana));
        Assert.DoesNotContain(bens, await BoardIdsAsync(ana));
        Assert.Equal(JsonValueKind.Null, (await ana.BoardAsync(bens)).ValueKind);
    }

    [Fact]
    public async Task OnlyOwnersRenameAndDeleteABoard()
    {
        var ana = await _server.SignUpAsync("ana");
        var eve = await _server.SignUpAsync("eve");
        var board = await ana.CreateBoardAsync("Old");
        await ana.AddMemberAsync(board, eve, "EDITOR");

        Assert.Equal("FORBIDDEN", (await eve.FailAsync("mutation($id: ID!) { renameBoard(id: $id, name: \"x\") { id } }", new { id = board })).Code);
        Assert.Equal("FORBIDDEN", (await eve.FailAsync("mutation($id: ID!) { deleteBoard(id: $id) { id } }", new { id = board })).Code);

        var renamed = (await ana.DataAsync("mutation($id: ID!) { renameBoard(id: $id, name: \"New\") { name seq } }", new { id = board })).GetProperty("renameBoard");
        Assert.Equal("New", renamed.Str("name"));
        var deleted = (await ana.DataAsync("mutation($id: ID!) { deleteBoard(id: $id) { id success } }", new { id = board })).GetProperty("deleteBoard");
        Assert.True(deleted.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, (await ana.BoardAsync(board)).ValueKind);
        Assert.DoesNotContain(board, await BoardIdsAsync(eve));

        var reuse = await ana.FailAsync("mutation($id: ID) { createBoard(input: { id: $id, name: \"again\" }) { id } }", new { id = board });
        Assert.Equal("CONFLICT", reuse.Code);
    }

    [Fact]
    public async Task RetryingCreateBoardWithTheSameIdIsSafe()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var id = Guid.CreateVersion7().ToString();
        const string create = "mutation($id: ID) { createBoard(input: { id: $id, name: \"Mine\" }) { id name } }";
        var first = (await ana.DataAsync(create, new { id })).GetProperty("createBoard");
        var again = (await ana.DataAsync(create, new { id })).GetProperty("createBoard");
        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.Single(await BoardIdsAsync(ana), id);
        Assert.Equal("CONFLICT", (await ben.FailAsync(create, new { id })).Code);
    }

    [Fact]
    public async Task AddMemberAddsChangesRoleAndKeepsAnOwner()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        const string add = "mutation($b: ID!, $e: String!, $r: Role!) { addMember(boardId: $b, email: $e, role: $r) { role user { id name } } }";

        var member = (await ana.DataAsync(add, new { b = board, e = ben.Email.ToUpperInvariant(), r = "VIEWER" })).GetProperty("addMember");
        Assert.Equal("VIEWER", member.Str("role"));
        Assert.Equal(ben.UserId, member.GetProperty("user").Str("id"));
        Assert.Equal("ben", member.GetProperty("user").Str("name"));

        await ana.DataAsync(add, new { b = board, e = ben.Email, r = "OWNER" });
        await ben.DataAsync(add, new { b = board, e = ana.Email, r = "EDITOR" }); // ben may now manage members
        Assert.Equal("CONFLICT", (await ben.FailAsync(add, new { b = board, e = ben.Email, r = "EDITOR" })).Code); // the last owner stays

        Assert.Equal("NOT_FOUND", (await ben.FailAsync(add, new { b = board, e = "nobody@example.test", r = "EDITOR" })).Code);
        Assert.Equal("FORBIDDEN", (await ana.FailAsync(add, new { b = board, e = ana.Email, r = "OWNER" })).Code);
        var types = (await ana.EventsAsync(board)).Select(e => e.Str("type"));
        Assert.Equal(["member:added", "member:added", "member:added"], types);
    }

    [Fact]
    public async Task MembersMayLeaveAndOwnersRemoveOthers()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var vic = await _server.SignUpAsync("vic");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        await ana.AddMemberAsync(board, vic, "VIEWER");
        const string remove = "mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id success } }";

        Assert.Equal("FORBIDDEN", (await ben.FailAsync(remove, new { b = board, u = vic.UserId })).Code);
        await vic.DataAsync(remove, new { b = board, u = vic.UserId }); // anyone may leave
        Assert.Equal(JsonValueKind.Null, (await vic.BoardAsync(board)).ValueKind);

        var removed = (await ana.DataAsync(remove, new { b = board, u = ben.UserId })).GetProperty("removeMember");
        Assert.Equal(ben.UserId, removed.Str("id"));
        Assert.Equal("FORBIDDEN", (await ben.FailAsync("mutation($b: ID!) { createColumn(input: { boardId: $b, name: \"x\" }) { id } }", new { b = board })).Code);

        Assert.Equal("CONFLICT", (await ana.FailAsync(remove, new { b = board, u = ana.UserId })).Code); // the last owner
        var events = await ana.EventsAsync(board);
        Assert.Equal(ben.UserId, events[^1].GetProperty("payload").Str("userId"));
    }

    [Fact]
    public async Task MeAndUpdateProfile()
    {
        var ana = await _server.SignUpAsync();
        var me = (await ana.DataAsync("{ me { id name } }")).GetProperty("me");
        Assert.Equal(ana.Email.Split('@')[0], me.Str("name")); // the default name
        var updated = (await ana.DataAsync("mutation { updateProfile(name: \"  Ana Lima \") { id name } }")).GetProperty("updateProfile");
        Assert.Equal("Ana Lima", updated.Str("name"));
        Assert.Equal("VALIDATION", (await ana.FailAsync("mutation { updateProfile(name: \"   \") { id } }")).Code);
    }
}
