using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Security;

/// <summary>A member's email is for the board's owners, who address members by it; nobody else sees it.</summary>
public sealed class MemberPrivacyTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    private static IEnumerable<JsonElement> Emails(JsonElement board) =>
        board.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("email"));

    [Fact]
    public async Task OnlyOwnersSeeEmailsInQueriesSnapshotsAndEvents()
    {
        var ana = await _server.SignUpAsync("ana");
        var vic = await _server.SignUpAsync("vic");
        var ed = await _server.SignUpAsync("ed");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, vic, "VIEWER");
        await using var vicTab = await _server.ConnectAsync(vic);
        var vicJoin = await vicTab.JoinAsync(board, null);
        await using var anaTab = await _server.ConnectAsync(ana);
        var anaJoin = await anaTab.JoinAsync(board, null);

        await ana.AddMemberAsync(board, ed, "EDITOR");

        Assert.All(Emails(await vic.BoardAsync(board)), e => Assert.Equal(JsonValueKind.Null, e.ValueKind));
        Assert.All(Emails(vicJoin.GetProperty("snapshot")), e => Assert.Equal(JsonValueKind.Null, e.ValueKind));
        var heard = await vicTab.NextAsync(e => e.Str("type") == "member:added", Live.Timeout);
        Assert.Equal(JsonValueKind.Null, heard.GetProperty("member").GetProperty("email").ValueKind);
        var listed = (await vic.DataAsync("{ boards { members { email } } }")).GetProperty("boards")[0];
        Assert.All(Emails(listed), e => Assert.Equal(JsonValueKind.Null, e.ValueKind));
        Assert.DoesNotContain(ed.Email, (await vic.EventsAsync(board)).Select(e => e.ToString()).Aggregate("", string.Concat));

        Assert.Contains(vic.Email, Emails(await ana.BoardAsync(board)).Select(e => e.GetString()));
        Assert.Contains(vic.Email, Emails(anaJoin.GetProperty("snapshot")).Select(e => e.GetString()));
    }
}
