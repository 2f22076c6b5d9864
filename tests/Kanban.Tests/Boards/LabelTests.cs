using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;
using static Kanban.Tests.Support.TaskDetailApi;

namespace Kanban.Tests.Boards;

public sealed class LabelTestsOnSqlite(SqliteServer f) : LabelTests(f), IClassFixture<SqliteServer>;

public sealed class LabelTestsOnPostgres(PostgresServer f) : LabelTests(f), IClassFixture<PostgresServer>;

public abstract class LabelTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task ALabelIsCreatedRenamedRecolouredAndDeletedLiveForOtherMembers()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var task = (await ana.CreateTaskAsync(todo, "a")).Str("id");
        await ana.AddMemberAsync(board, ben, "VIEWER");
        await using var watch = await BoardWatch.StartAsync(_server, ben, board);

        JsonElement label = default;
        var created = await watch.ExpectAsync("label:created", async () => label = await ana.CreateLabelAsync(board, "  Bug  ", "RED"));
        Assert.Equal("Bug", label.Str("name")); // stored trimmed
        Assert.Equal("RED", label.Str("color"));
        Assert.Equal(board, label.Str("boardId"));
        Assert.Equal(label.GetRawText(), created.GetProperty("label").GetRawText());
        var id = label.Str("id");

        var updated = await watch.ExpectAsync("label:updated", () => ana.DataAsync(UpdateLabel, new { i = new { id, name = "Defect", color = "ORANGE" } }));
        Assert.Equal(id, updated.Str("labelId"));
        Assert.Equal("""{"name":"Defect","color":"ORANGE"}""", updated.GetProperty("updates").GetRawText());
        var recoloured = await watch.ExpectAsync("label:updated", () => ana.DataAsync(UpdateLabel, new { i = new { id, color = "PINK" } }));
        Assert.Equal("""{"color":"PINK"}""", recoloured.GetProperty("updates").GetRawText());

        // The same name and colour again is no change: no event, the seq stays.
        var seq = await ana.SeqAsync(board);
        await ana.DataAsync(UpdateLabel, new { i = new { id, name = "Defect", color = "PINK" } });
        Assert.Equal(seq, await ana.SeqAsync(board));

        var labelled = await watch.ExpectAsync("task:updated", () => ana.UpdateTaskAsync(new { id = task, addLabelIds = new[] { id } }));
        Assert.Equal([id], labelled.GetProperty("updates").GetProperty("labelIds").Strings());
        var view = await ana.BoardAsync(board);
        Assert.Equal("""[{"id":"ID","boardId":"BOARD","name":"Defect","color":"PINK"}]""".Replace("ID", id).Replace("BOARD", board),
            view.GetProperty("labels").GetRawText());

        // Deleting it takes it off every task within its one event; the task's version stays.
        var deleted = await watch.ExpectAsync("label:deleted", () => ana.DataAsync(DeleteLabel, new { id }));
        Assert.Equal(id, deleted.Str("labelId"));
        var after = await ana.BoardAsync(board);
        Assert.Equal(0, after.GetProperty("labels").GetArrayLength());
        var taskAfter = await ana.TaskAsync(board, task);
        Assert.Empty(taskAfter.GetProperty("labelIds").Strings());
        Assert.Equal(2, taskAfter.GetProperty("version").GetInt32());
        Assert.Equal(watch.Seq, after.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task LabelsAreListedByNameIgnoringCaseAndResolveOnTheirTasks()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var task = (await ana.CreateTaskAsync(await ana.CreateColumnAsync(board, "Todo"), "a")).Str("id");
        var b = await ana.CreateLabelAsync(board, "beta");
        var a = await ana.CreateLabelAsync(board, "Alpha", "GREEN");
        await ana.CreateLabelAsync(board, "gamma");
        await ana.UpdateTaskAsync(new { id = task, addLabelIds = new[] { b.Str("id"), a.Str("id") } });

        var data = await ana.DataAsync("query($id: ID!) { board(id: $id) { labels { name } columns { tasks { labels { name color } } } } }", new { id = board });
        Assert.Equal(["Alpha", "beta", "gamma"], data.GetProperty("board").GetProperty("labels").EnumerateArray().Select(l => l.Str("name")));
        var labels = data.GetProperty("board").GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("labels");
        Assert.Equal("""[{"name":"Alpha","color":"GREEN"},{"name":"beta","color":"BLUE"}]""", labels.GetRawText());
    }

    [Fact]
    public async Task RetryingACreateReturnsTheLabelAndAnIdOfADeletedOneIsAConflict()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var id = Guid.CreateVersion7().ToString();
        var first = await ana.CreateLabelAsync(board, "Bug", id: id);
        var seq = await ana.SeqAsync(board);
        Assert.Equal(first.GetRawText(), (await ana.CreateLabelAsync(board, "Bug", id: id)).GetRawText());
        Assert.Equal(seq, await ana.SeqAsync(board));

        var elsewhere = await ana.CreateBoardAsync("Other");
        Assert.Equal("CONFLICT", (await ana.FailAsync(CreateLabel, new { i = new { id, boardId = elsewhere, name = "Bug", color = "RED" } })).Code);
        await ana.DataAsync(DeleteLabel, new { id });
        Assert.Equal("CONFLICT", (await ana.FailAsync(CreateLabel, new { i = new { id, boardId = board, name = "Bug", color = "RED" } })).Code);
    }

    [Fact]
    public async Task NamesAreOneToFiftyCharactersAndABoardHoldsAHundredLabels()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        foreach (var name in new[] { "   ", new string('x', 51) })
        {
            var refused = await ana.FailAsync(CreateLabel, new { i = new { boardId = board, name, color = "RED" } });
            Assert.Equal(("VALIDATION", "name"), (refused.Code, refused.Field));
        }
        Assert.Equal("VALIDATION", (await ana.FailAsync(CreateLabel, new { i = new { boardId = board, name = "x", color = "PLAID" } })).Code);
        Assert.Equal(new string('x', 50), (await ana.CreateLabelAsync(board, new string('x', 50))).Str("name"));

        var batch = string.Join(" ", Enumerable.Range(1, 99).Select(i => $"l{i}: createLabel(input: {{ boardId: $b, name: \"L{i}\", color: GRAY }}) {{ id }}"));
        await ana.DataAsync($"mutation($b: ID!) {{ {batch} }}", new { b = board });
        var seq = await ana.SeqAsync(board);
        var full = await ana.FailAsync(CreateLabel, new { i = new { boardId = board, name = "one too many", color = "RED" } });
        Assert.Equal(("VALIDATION", "boardId"), (full.Code, full.Field));
        Assert.Equal(seq, await ana.SeqAsync(board));
        Assert.Equal(100, (await ana.BoardAsync(board)).GetProperty("labels").GetArrayLength());
    }

    [Fact]
    public async Task ViewersAndNonMembersCannotManageLabels()
    {
        var ana = await _server.SignUpAsync("ana");
        var vic = await _server.SignUpAsync("vic");
        var sam = await _server.SignUpAsync("sam");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, vic, "VIEWER");
        var id = (await ana.CreateLabelAsync(board, "Bug")).Str("id");

        foreach (var user in new[] { vic, sam })
        {
            Assert.Equal("FORBIDDEN", (await user.FailAsync(CreateLabel, new { i = new { boardId = board, name = "x", color = "RED" } })).Code);
            Assert.Equal("FORBIDDEN", (await user.FailAsync(UpdateLabel, new { i = new { id, name = "x" } })).Code);
            Assert.Equal("FORBIDDEN", (await user.FailAsync(DeleteLabel, new { id })).Code);
        }
        Assert.Equal("Bug", (await ana.BoardAsync(board)).GetProperty("labels")[0].Str("name"));
    }
}
