using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;
using static Kanban.Tests.Support.TaskDetailApi;

namespace Kanban.Tests.Boards;

public sealed class ChecklistTestsOnSqlite(SqliteServer f) : ChecklistTests(f), IClassFixture<SqliteServer>;

public sealed class ChecklistTestsOnPostgres(PostgresServer f) : ChecklistTests(f), IClassFixture<PostgresServer>;

public abstract class ChecklistTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    private async Task<(Api ana, Api vic, string board, string task)> TaskAsync()
    {
        var ana = await _server.SignUpAsync("ana");
        var vic = await _server.SignUpAsync("vic");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, vic, "VIEWER");
        var task = (await ana.CreateTaskAsync(await ana.CreateColumnAsync(board, "Todo"), "Release")).Str("id");
        return (ana, vic, board, task);
    }

    private static async Task<string[]> TextsAsync(Api api, string board, string task) =>
        (await api.TaskAsync(board, task)).GetProperty("checklist").EnumerateArray().Select(i => i.Str("text")).ToArray();

    [Fact]
    public async Task ItemsAreAddedTickedMovedAndDeletedLiveWithoutChangingTheTaskVersion()
    {
        var (ana, vic, board, task) = await TaskAsync();
        await using var watch = await BoardWatch.StartAsync(_server, vic, board);

        JsonElement tests = default;
        var created = await watch.ExpectAsync("checklistItem:created", async () => tests = await ana.AddItemAsync(task, "  Run the tests "));
        Assert.Equal("Run the tests", tests.Str("text"));
        Assert.False(tests.GetProperty("done").GetBoolean());
        Assert.Equal(task, created.Str("taskId"));
        Assert.Equal(tests.GetRawText(), created.GetProperty("item").GetRawText());
        var notes = await ana.AddItemAsync(task, "Write notes");
        await watch.NextAsync("checklistItem:created");
        var first = await ana.AddItemAsync(task, "Freeze", index: 0);
        await watch.NextAsync("checklistItem:created");
        Assert.Equal(["Freeze", "Run the tests", "Write notes"], await TextsAsync(ana, board, task));

        var ticked = await watch.ExpectAsync("checklistItem:updated", () => ana.DataAsync(UpdateItem, new { i = new { id = tests.Str("id"), done = true } }));
        Assert.Equal(tests.Str("id"), ticked.Str("itemId"));
        Assert.Equal("""{"done":true}""", ticked.GetProperty("updates").GetRawText());
        var renamed = await watch.ExpectAsync("checklistItem:updated", () => ana.DataAsync(UpdateItem, new { i = new { id = tests.Str("id"), text = "Run all tests", done = true } }));
        Assert.Equal("""{"text":"Run all tests"}""", renamed.GetProperty("updates").GetRawText());

        var moved = await watch.ExpectAsync("checklistItem:moved", () => ana.DataAsync(MoveItem, new { i = new { id = first.Str("id"), index = 2 } }));
        Assert.Equal(2, moved.GetProperty("position").GetInt32());
        Assert.Equal(first.Str("id"), moved.Str("itemId"));
        Assert.Equal(["Run all tests", "Write notes", "Freeze"], await TextsAsync(ana, board, task));

        var deleted = await watch.ExpectAsync("checklistItem:deleted", () => ana.DataAsync(DeleteItem, new { id = notes.Str("id") }));
        Assert.Equal((task, notes.Str("id")), (deleted.Str("taskId"), deleted.Str("itemId")));

        var after = await ana.TaskAsync(board, task);
        Assert.Equal(1, after.GetProperty("version").GetInt32());
        Assert.Equal("""[["Run all tests",true],["Freeze",false]]""",
            JsonSerializer.Serialize(after.GetProperty("checklist").EnumerateArray().Select(i => new object[] { i.Str("text"), i.GetProperty("done").GetBoolean() })));

        // Nothing to change is no change: the same text, the place it has.
        var seq = await ana.SeqAsync(board);
        await ana.DataAsync(UpdateItem, new { i = new { id = tests.Str("id"), text = "Run all tests", done = true } });
        await ana.DataAsync(MoveItem, new { i = new { id = first.Str("id"), index = 5 } });
        Assert.Equal(seq, await ana.SeqAsync(board));
    }

    [Fact]
    public async Task RetryingAnAddReturnsTheItemAndADeletedItemsIdIsAConflict()
    {
        var (ana, _, board, task) = await TaskAsync();
        var id = Guid.CreateVersion7().ToString();
        var item = await ana.AddItemAsync(task, "once", id: id);
        var seq = await ana.SeqAsync(board);
        Assert.Equal(item.GetRawText(), (await ana.AddItemAsync(task, "once", id: id)).GetRawText());
        Assert.Equal(seq, await ana.SeqAsync(board));

        await ana.DataAsync(DeleteItem, new { id });
        Assert.Equal("CONFLICT", (await ana.FailAsync(AddItem, new { i = new { id, taskId = task, text = "again" } })).Code);
    }

    [Fact]
    public async Task TextIsOneToFiveHundredCharactersAndATaskHoldsTwoHundredItems()
    {
        var (ana, _, board, task) = await TaskAsync();
        foreach (var text in new[] { " ", new string('x', 501) })
        {
            var refused = await ana.FailAsync(AddItem, new { i = new { taskId = task, text } });
            Assert.Equal(("VALIDATION", "text"), (refused.Code, refused.Field));
        }
        var item = await ana.AddItemAsync(task, new string('x', 500));
        var tooLong = await ana.FailAsync(UpdateItem, new { i = new { id = item.Str("id"), text = new string('y', 501) } });
        Assert.Equal(("VALIDATION", "text"), (tooLong.Code, tooLong.Field));
        Assert.Equal("VALIDATION", (await ana.FailAsync(MoveItem, new { i = new { id = item.Str("id"), index = -1 } })).Code);

        var batch = string.Join(" ", Enumerable.Range(1, 199).Select(i => $"i{i}: addChecklistItem(input: {{ taskId: $t, text: \"{i}\" }}) {{ id }}"));
        await ana.DataAsync($"mutation($t: ID!) {{ {batch} }}", new { t = task });
        var seq = await ana.SeqAsync(board);
        var full = await ana.FailAsync(AddItem, new { i = new { taskId = task, text = "one too many" } });
        Assert.Equal(("VALIDATION", "taskId"), (full.Code, full.Field));
        Assert.Equal(seq, await ana.SeqAsync(board));
        Assert.Equal(200, (await TextsAsync(ana, board, task)).Length);
    }

    [Fact]
    public async Task AWornOutChecklistIsRespreadAsMovesThatReplayLikeAnyOther()
    {
        var (ana, _, board, task) = await TaskAsync();
        await ana.AddItemAsync(task, "first");
        await ana.AddItemAsync(task, "last");
        // Always adding right after "first" halves one gap each time, until its keys are respread.
        var batch = string.Join(" ", Enumerable.Range(0, 150).Select(i => $"i{i}: addChecklistItem(input: {{ taskId: $t, text: \"{i:D3}\", index: 1 }}) {{ id }}"));
        await ana.DataAsync($"mutation($t: ID!) {{ {batch} }}", new { t = task });

        var texts = await TextsAsync(ana, board, task);
        Assert.Equal(["first", .. Enumerable.Range(0, 150).Reverse().Select(i => $"{i:D3}"), "last"], texts);
        var events = await ana.EventsAsync(board);
        Assert.Contains(events, e => e.Str("type") == "checklistItem:moved");
        var checklist = (await ana.TaskAsync(board, task)).GetProperty("checklist").EnumerateArray().Select(i => i.Str("rank")).ToList();
        Assert.All(checklist, r => Assert.True(r.Length <= 24, r));

        var replica = BoardReplica.FromSnapshot(JsonDocument.Parse($$"""{"id":"{{board}}","name":"Board","seq":0,"columns":[],"members":[],"labels":[]}""").RootElement);
        foreach (var e in events)
            replica.Apply(e.GetProperty("payload"));
        var expected = JsonDocument.Parse(BoardReplica.Canonical(await ana.BoardAsync(board))).RootElement;
        Assert.Equal(expected.GetProperty("columns").GetRawText(), JsonDocument.Parse(replica.Canonical()).RootElement.GetProperty("columns").GetRawText());
    }

    [Fact]
    public async Task ViewersAndNonMembersCannotTouchTheChecklist()
    {
        var (ana, vic, board, task) = await TaskAsync();
        var sam = await _server.SignUpAsync("sam");
        var item = (await ana.AddItemAsync(task, "step")).Str("id");
        foreach (var user in new[] { vic, sam })
        {
            Assert.Equal("FORBIDDEN", (await user.FailAsync(AddItem, new { i = new { taskId = task, text = "x" } })).Code);
            Assert.Equal("FORBIDDEN", (await user.FailAsync(UpdateItem, new { i = new { id = item, done = true } })).Code);
            Assert.Equal("FORBIDDEN", (await user.FailAsync(MoveItem, new { i = new { id = item, index = 0 } })).Code);
            Assert.Equal("FORBIDDEN", (await user.FailAsync(DeleteItem, new { id = item })).Code);
        }
        Assert.False((await ana.TaskAsync(board, task)).GetProperty("checklist")[0].GetProperty("done").GetBoolean());
    }
}
