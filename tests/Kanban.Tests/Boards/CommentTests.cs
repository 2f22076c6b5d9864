using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;
using static Kanban.Tests.Support.TaskDetailApi;

namespace Kanban.Tests.Boards;

public sealed class CommentTestsOnSqlite(SqliteServer f) : CommentTests(f), IClassFixture<SqliteServer>;

public sealed class CommentTestsOnPostgres(PostgresServer f) : CommentTests(f), IClassFixture<PostgresServer>;

public abstract class CommentTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    private sealed record Team(Api Ana, Api Ben, Api Vic, string Board, string Task);

    /// <summary>ana owns the board, ben edits, vic views.</summary>
    private async Task<Team> TeamAsync()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var vic = await _server.SignUpAsync("vic");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        await ana.AddMemberAsync(board, vic, "VIEWER");
        var task = (await ana.CreateTaskAsync(await ana.CreateColumnAsync(board, "Todo"), "Release")).Str("id");
        return new Team(ana, ben, vic, board, task);
    }

    private const string Comments = $"query($id: ID!, $f: Int, $a: ID) {{ board(id: $id) {{ columns {{ tasks {{ commentCount comments(first: $f, after: $a) {{ hasMore comments {{ {CommentFields} }} }} }} }} }} }}";

    private static async Task<JsonElement> TaskCommentsAsync(Api api, string board, int? first = null, string? after = null) =>
        (await api.DataAsync(Comments, new { id = board, f = first, a = after })).GetProperty("board").GetProperty("columns")[0].GetProperty("tasks")[0];

    [Fact]
    public async Task AViewerCommentsEditsAndDeletesTheirOwnCommentLive()
    {
        var t = await TeamAsync();
        await using var watch = await BoardWatch.StartAsync(_server, t.Ana, t.Board);

        JsonElement comment = default;
        const string body = "  Looks **good** to me.\n\n- one\n- two  ";
        var created = await watch.ExpectAsync("comment:created", async () => comment = await t.Vic.AddCommentAsync(t.Task, body));
        Assert.Equal(body, comment.Str("body")); // Markdown is kept as written, spaces and all
        Assert.Equal((t.Vic.UserId, "vic"), (comment.GetProperty("author").Str("id"), comment.GetProperty("author").Str("name")));
        Assert.Equal(JsonValueKind.Null, comment.GetProperty("editedAt").ValueKind);
        Assert.Equal(t.Task, created.Str("taskId"));
        Assert.Equal(comment.GetRawText(), created.GetProperty("comment").GetRawText());
        var task = await t.Ana.TaskAsync(t.Board, t.Task);
        Assert.Equal(1, task.GetProperty("commentCount").GetInt32());
        Assert.Equal(1, task.GetProperty("version").GetInt32()); // a comment is no edit of the task

        var id = comment.Str("id");
        JsonElement edited = default;
        var updated = await watch.ExpectAsync("comment:updated", async () =>
            edited = (await t.Vic.DataAsync(EditComment, new { i = new { id, body = "Looks good." } })).GetProperty("editComment"));
        Assert.Equal("Looks good.", edited.Str("body"));
        Assert.Equal((t.Task, id), (updated.Str("taskId"), updated.Str("commentId")));
        Assert.Equal($$"""{"body":"Looks good.","editedAt":"{{edited.Str("editedAt")}}"}""", updated.GetProperty("updates").GetRawText());

        var deleted = await watch.ExpectAsync("comment:deleted", () => t.Vic.DataAsync(DeleteComment, new { id }));
        Assert.Equal((t.Task, id), (deleted.Str("taskId"), deleted.Str("commentId")));
        var after = await TaskCommentsAsync(t.Ana, t.Board);
        Assert.Equal(0, after.GetProperty("commentCount").GetInt32());
        Assert.Equal(0, after.GetProperty("comments").GetProperty("comments").GetArrayLength());
    }

    [Fact]
    public async Task OnlyTheAuthorEditsAndOnlyTheAuthorOrAnOwnerDeletes()
    {
        var t = await TeamAsync();
        var bens = (await t.Ben.AddCommentAsync(t.Task, "ben's")).Str("id");
        var vics = (await t.Vic.AddCommentAsync(t.Task, "vic's")).Str("id");
        var seq = await t.Ana.SeqAsync(t.Board);

        foreach (var other in new[] { t.Ana, t.Vic })
            Assert.Equal("FORBIDDEN", (await other.FailAsync(EditComment, new { i = new { id = bens, body = "changed" } })).Code);
        Assert.Equal("FORBIDDEN", (await t.Ben.FailAsync(DeleteComment, new { id = vics })).Code); // an EDITOR, not the author
        Assert.Equal("FORBIDDEN", (await t.Vic.FailAsync(DeleteComment, new { id = bens })).Code);
        Assert.Equal(seq, await t.Ana.SeqAsync(t.Board));

        await t.Ana.DataAsync(DeleteComment, new { id = vics }); // an OWNER tidies up
        await t.Ben.DataAsync(DeleteComment, new { id = bens });
        Assert.Equal(0, (await t.Ana.TaskAsync(t.Board, t.Task)).GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task ANonMemberCanNeitherCommentNorTouchComments()
    {
        var t = await TeamAsync();
        var sam = await _server.SignUpAsync("sam");
        var id = (await t.Vic.AddCommentAsync(t.Task, "mine")).Str("id");
        Assert.Equal("FORBIDDEN", (await sam.FailAsync(AddComment, new { i = new { taskId = t.Task, body = "hi" } })).Code);
        Assert.Equal("FORBIDDEN", (await sam.FailAsync(EditComment, new { i = new { id, body = "hi" } })).Code);
        Assert.Equal("FORBIDDEN", (await sam.FailAsync(DeleteComment, new { id })).Code);
        Assert.Equal(1, (await t.Ana.TaskAsync(t.Board, t.Task)).GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task ABodyIsOneToTenThousandCharactersAndNotBlank()
    {
        var t = await TeamAsync();
        foreach (var body in new[] { "", " \n\t ", new string('x', 10_001) })
        {
            var refused = await t.Vic.FailAsync(AddComment, new { i = new { taskId = t.Task, body } });
            Assert.Equal(("VALIDATION", "body"), (refused.Code, refused.Field));
        }
        var longest = await t.Vic.AddCommentAsync(t.Task, new string('x', 10_000));
        Assert.Equal("VALIDATION", (await t.Vic.FailAsync(EditComment, new { i = new { id = longest.Str("id"), body = "  " } })).Code);
        Assert.Equal(1, (await t.Ana.TaskAsync(t.Board, t.Task)).GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task CommentsArePagedOldestFirst()
    {
        var t = await TeamAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((await (i % 2 == 0 ? t.Ana : t.Vic).AddCommentAsync(t.Task, $"c{i}")).Str("id"));

        var all = await TaskCommentsAsync(t.Ana, t.Board);
        Assert.Equal(5, all.GetProperty("commentCount").GetInt32());
        Assert.Equal(ids, all.GetProperty("comments").GetProperty("comments").EnumerateArray().Select(c => c.Str("id")));
        Assert.False(all.GetProperty("comments").GetProperty("hasMore").GetBoolean());

        var firstTwo = (await TaskCommentsAsync(t.Vic, t.Board, first: 2)).GetProperty("comments");
        Assert.True(firstTwo.GetProperty("hasMore").GetBoolean());
        Assert.Equal(ids[..2], firstTwo.GetProperty("comments").EnumerateArray().Select(c => c.Str("id")));
        var rest = (await TaskCommentsAsync(t.Vic, t.Board, first: 10, after: ids[1])).GetProperty("comments");
        Assert.Equal(ids[2..], rest.GetProperty("comments").EnumerateArray().Select(c => c.Str("id")));
        Assert.False(rest.GetProperty("hasMore").GetBoolean());

        foreach (var first in new[] { 0, 201 })
            Assert.Equal("VALIDATION", (await t.Ana.FailAsync(Comments, new { id = t.Board, f = first })).Code);
    }

    [Fact]
    public async Task RetryingAnAddReturnsTheCommentOnlyToItsAuthor()
    {
        var t = await TeamAsync();
        var id = Guid.CreateVersion7().ToString();
        var first = await t.Vic.AddCommentAsync(t.Task, "once", id);
        var seq = await t.Ana.SeqAsync(t.Board);
        Assert.Equal(first.GetRawText(), (await t.Vic.AddCommentAsync(t.Task, "once", id)).GetRawText());
        Assert.Equal(seq, await t.Ana.SeqAsync(t.Board));
        Assert.Equal("CONFLICT", (await t.Ben.FailAsync(AddComment, new { i = new { id, taskId = t.Task, body = "mine now" } })).Code);

        await t.Vic.DataAsync(DeleteComment, new { id });
        Assert.Equal("CONFLICT", (await t.Vic.FailAsync(AddComment, new { i = new { id, taskId = t.Task, body = "again" } })).Code);
        Assert.Equal(0, (await t.Ana.TaskAsync(t.Board, t.Task)).GetProperty("commentCount").GetInt32());
    }
}
