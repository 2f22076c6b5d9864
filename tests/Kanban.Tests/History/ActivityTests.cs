using System.Text.Json;
using Kanban.Client;
using Kanban.Contract;
using Kanban.Tests.Support;

namespace Kanban.Tests.History;

public sealed class ActivityTestsOnSqlite(SqliteServer f) : ActivityTests(f), IClassFixture<SqliteServer>;

public sealed class ActivityTestsOnPostgres(PostgresServer f) : ActivityTests(f), IClassFixture<PostgresServer>;

public abstract class ActivityTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task EveryKindOfChangeHasOneEntryWithItsSeqTypeAndASentenceNamingTheActorAndItems()
    {
        var ana = await _server.SignUpAsync("Ana");
        var ben = await _server.SignUpAsync("Ben");
        var board = await ana.CreateBoardAsync("Plans");
        await ana.AddMemberAsync(board, ben, "VIEWER");
        await ana.AddMemberAsync(board, ben, "EDITOR");
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var doing = await ana.CreateColumnAsync(board, "Doing");
        var done = await ana.CreateColumnAsync(board, "Done");
        await ana.DataAsync("mutation($i: UpdateColumnInput!) { updateColumn(input: $i) { id } }", new { i = new { id = doing, name = "In progress" } });
        await ana.DataAsync("mutation($i: MoveColumnInput!) { moveColumn(input: $i) { id } }", new { i = new { id = done, index = 0 } });
        var label = (await ana.CreateLabelAsync(board, "Bug")).Str("id");
        await ana.DataAsync(TaskDetailApi.UpdateLabel, new { i = new { id = label, name = "Defect", color = "RED" } });

        var task = (await ana.CreateTaskAsync(todo, "Fix logn")).Str("id");
        await ana.UpdateTaskAsync(new { id = task, title = "Fix login" });
        await ana.UpdateTaskAsync(new { id = task, description = "Steps to reproduce" });
        await ana.UpdateTaskAsync(new { id = task, dueDate = "2030-01-05" });
        await ana.UpdateTaskAsync(new { id = task, dueDate = (string?)null });
        await ana.UpdateTaskAsync(new { id = task, addLabelIds = new[] { label } });
        await ana.UpdateTaskAsync(new { id = task, addAssigneeIds = new[] { ben.UserId } });
        await ana.MoveTaskAsync(task, doing, 0);

        var step = (await ana.AddItemAsync(task, "step")).Str("id");
        var second = (await ana.AddItemAsync(task, "second")).Str("id");
        await ana.DataAsync(TaskDetailApi.UpdateItem, new { i = new { id = step, done = true } });
        await ana.DataAsync(TaskDetailApi.MoveItem, new { i = new { id = second, index = 0 } });
        await ana.DataAsync(TaskDetailApi.DeleteItem, new { id = step });
        var comment = (await ben.AddCommentAsync(task, "Seen it")).Str("id");
        await ben.DataAsync(TaskDetailApi.EditComment, new { i = new { id = comment, body = "Seen it twice" } });
        await ana.DataAsync(TaskDetailApi.DeleteComment, new { id = comment });

        await ana.DataAsync("mutation($id: ID!) { renameBoard(id: $id, name: \"Roadmap\") { id } }", new { id = board });
        await ana.DataAsync(TaskDetailApi.DeleteLabel, new { id = label });
        var old = (await ana.CreateTaskAsync(todo, "Old")).Str("id");
        await ana.DataAsync("mutation($id: ID!) { deleteTask(id: $id) { id } }", new { id = old });
        await ana.CreateTaskAsync(done, "Shipped");
        await ana.DataAsync("mutation($id: ID!) { deleteColumn(id: $id) { id } }", new { id = done });
        await ana.RestoreTaskAsync(old);
        await ana.RestoreColumnAsync(done);
        await ana.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = board, u = ben.UserId });

        var events = await ana.EventsAsync(board);
        var history = await ana.ActivityAsync(board);

        // Every kind of logged event was made (a new kind fails here until this test makes it too)...
        string[] untold = ["tasks:reranked", "columns:reranked", "board:deleted", "presence:changed"];
        Assert.Equal(BoardEvents.Names.Except(untold).Order(), events.Select(e => e.Str("type")).Distinct().Order());
        // ...and each has exactly one entry with its seq, its type and its actor.
        Assert.Equal(events.Select(e => (e.GetProperty("seq").GetInt64(), e.Str("type"), e.GetProperty("actor").Str("id"))),
            history.AsEnumerable().Reverse().Select(a => (a.GetProperty("seq").GetInt64(), a.Str("type"), a.GetProperty("actor").Str("id"))));
        Assert.All(history, a => Assert.Equal(
            events.Single(e => e.GetProperty("seq").GetInt64() == a.GetProperty("seq").GetInt64()).Str("at"), a.Str("at")));

        string[] expected =
        [
            "Ana added Ben to the board as a viewer",
            "Ana made Ben an editor",
            "Ana added the column “Todo”",
            "Ana renamed the column “Doing” to “In progress”",
            "Ana moved the column “Done”",
            "Ana created the label “Bug”",
            "Ana renamed the label “Bug” to “Defect” and changed its colour to red",
            "Ana created “Fix logn” in “Todo”",
            "Ana renamed “Fix logn” to “Fix login”",
            "Ana changed the description of “Fix login”",
            "Ana set the due date of “Fix login” to 2030-01-05",
            "Ana removed the due date of “Fix login”",
            "Ana added the label “Defect” to “Fix login”",
            "Ana assigned Ben to “Fix login”",
            "Ana moved “Fix login” from “Todo” to “In progress”",
            "Ana added “step” to the checklist of “Fix login”",
            "Ana ticked “step” in the checklist of “Fix login”",
            "Ana moved “second” in the checklist of “Fix login”",
            "Ana removed “step” from the checklist of “Fix login”",
            "Ben commented on “Fix login”",
            "Ben edited a comment on “Fix login”",
            "Ana deleted a comment on “Fix login”",
            "Ana renamed the board “Plans” to “Roadmap”",
            "Ana deleted the label “Defect”",
            "Ana deleted “Old”",
            "Ana deleted the column “Done” and its 1 task",
            "Ana restored “Old” from the trash",
            "Ana restored the column “Done” and its 1 task from the trash",
            "Ana removed Ben from the board",
        ];
        var summaries = history.Summaries();
        Assert.All(expected, s => Assert.Contains(s, summaries));
        Assert.All(history.Where(a => a.Str("summary").Contains("“Fix log")), a => Assert.Equal(task, a.Str("taskId")));
        Assert.Equal(old, history.Single(a => a.Str("type") == "task:deleted").Str("taskId"));
    }

    [Fact]
    public async Task ARerankHasNoEntryWhileTheCreateThatNeededItHasOne()
    {
        var ana = await _server.SignUpAsync("Ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        await ana.CreateTaskAsync(todo, "first");
        await ana.CreateTaskAsync(todo, "last");
        // Always inserting right after "first" halves the same gap each time: keys grow until a rerank.
        var batch = string.Join(" ", Enumerable.Range(0, 150).Select(i => $"t{i}: createTask(input: {{ columnId: $c, title: \"{i:D3}\", index: 1 }}) {{ rank }}"));
        await ana.DataAsync($"mutation($c: ID!) {{ {batch} }}", new { c = todo });

        var events = await ana.EventsAsync(board);
        Assert.Contains(events, e => e.Str("type") == "tasks:reranked");
        Assert.Equal(events.Where(e => e.Str("type") != "tasks:reranked").Select(e => e.GetProperty("seq").GetInt64()),
            (await ana.ActivityAsync(board)).AsEnumerable().Reverse().Select(a => a.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task BeforeAndAfterHoldTheChangedFieldsOldAndNewValues()
    {
        var ana = await _server.SignUpAsync("Ana");
        var ben = await _server.SignUpAsync("Ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var done = await ana.CreateColumnAsync(board, "Done");
        var label = (await ana.CreateLabelAsync(board, "Bug")).Str("id");
        await ana.CreateTaskAsync(todo, "first");
        var task = (await ana.CreateTaskAsync(todo, "Fix logn")).Str("id");
        await ana.UpdateTaskAsync(new { id = task, title = "Fix login", description = "Steps", dueDate = "2030-01-05" });
        await ana.UpdateTaskAsync(new { id = task, dueDate = (string?)null, addLabelIds = new[] { label }, addAssigneeIds = new[] { ana.UserId, ben.UserId } });
        await ana.UpdateTaskAsync(new { id = task, removeAssigneeIds = new[] { ana.UserId } });
        await ana.MoveTaskAsync(task, done, 0);

        var entries = (await ana.TaskActivityAsync(task)).Reverse().ToArray();
        Assert.Equal(["task:created", "task:updated", "task:updated", "task:updated", "task:moved"], entries.Select(e => e.Str("type")));
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("before").ValueKind);
        Assert.Equal("Fix logn", entries[0].GetProperty("after").Str("title"));

        Json("""{"title":"Fix logn","description":"","dueDate":null}""", entries[1].GetProperty("before"));
        Json("""{"title":"Fix login","description":"Steps","dueDate":"2030-01-05"}""", entries[1].GetProperty("after"));
        Assert.Equal("Ana changed the title, description and due date of “Fix login”", entries[1].Str("summary"));

        Json($$"""{"dueDate":"2030-01-05","labelIds":[],"assigneeIds":[]}""", entries[2].GetProperty("before"));
        Json($$"""{"dueDate":null,"labelIds":["{{label}}"],"assigneeIds":{{JsonSerializer.Serialize(new[] { ana.UserId, ben.UserId }.Order(StringComparer.Ordinal))}}}""",
            entries[2].GetProperty("after"));

        Json($$"""{"assigneeIds":{{JsonSerializer.Serialize(new[] { ana.UserId, ben.UserId }.Order(StringComparer.Ordinal))}}}""", entries[3].GetProperty("before"));
        Json($$"""{"assigneeIds":["{{ben.UserId}}"]}""", entries[3].GetProperty("after"));
        Assert.Equal("Ana unassigned Ana from “Fix login”", entries[3].Str("summary"));

        Json($$"""{"columnId":"{{todo}}","position":1}""", entries[4].GetProperty("before"));
        Json($$"""{"columnId":"{{done}}","position":0}""", entries[4].GetProperty("after"));
        Assert.Equal(done, entries[4].Str("columnId"));
    }

    [Fact]
    public async Task PagesGoDownWithBeforeAndUpWithAfter()
    {
        var ana = await _server.SignUpAsync("Ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        for (var i = 0; i < 6; i++)
            await ana.CreateTaskAsync(todo, $"t{i}");
        // seqs 1 (the column) to 7

        var newest = await ana.ActivityPageAsync(board, first: 3);
        Assert.Equal([7L, 6, 5], Seqs(newest));
        Assert.True(newest.GetProperty("hasMore").GetBoolean());
        var next = await ana.ActivityPageAsync(board, before: 5, first: 3);
        Assert.Equal([4L, 3, 2], Seqs(next));
        Assert.True(next.GetProperty("hasMore").GetBoolean());
        var last = await ana.ActivityPageAsync(board, before: 2, first: 3);
        Assert.Equal([1L], Seqs(last));
        Assert.False(last.GetProperty("hasMore").GetBoolean());

        await ana.CreateTaskAsync(todo, "new");
        var since = await ana.ActivityPageAsync(board, after: 7);
        Assert.Equal([8L], Seqs(since));
        Assert.Equal("Ana created “new” in “Todo”", since.GetProperty("items")[0].Str("summary"));
        var between = await ana.ActivityPageAsync(board, before: 6, after: 3);
        Assert.Equal([5L, 4], Seqs(between));

        Assert.Equal("first", (await ana.FailAsync("query($b: ID!) { boardActivity(boardId: $b, first: 201) { hasMore } }", new { b = board })).Field);
        Assert.Equal("first", (await ana.FailAsync("query($b: ID!) { boardActivity(boardId: $b, first: 0) { hasMore } }", new { b = board })).Field);
    }

    [Fact]
    public async Task TaskActivityListsThatTasksEntriesNewestFirst()
    {
        var ana = await _server.SignUpAsync("Ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var task = (await ana.CreateTaskAsync(todo, "Mine")).Str("id");
        var other = (await ana.CreateTaskAsync(todo, "Other")).Str("id");
        await ana.AddItemAsync(task, "step");
        await ana.UpdateTaskAsync(new { id = other, title = "Other one" });
        await ana.AddCommentAsync(task, "note");

        var entries = await ana.TaskActivityAsync(task);
        Assert.Equal(["Ana commented on “Mine”", "Ana added “step” to the checklist of “Mine”", "Ana created “Mine” in “Todo”"], entries.Summaries());
        Assert.Equal(["Ana commented on “Mine”"], (await ana.TaskActivityAsync(task, first: 1)).Summaries());
        Assert.All(entries, e => Assert.Equal(task, e.Str("taskId")));
    }

    [Fact]
    public async Task ARequestReadsTheActivityOfAtMostTwentyTasks()
    {
        var ana = await _server.SignUpAsync("Ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        for (var i = 0; i < 21; i++)
            await ana.CreateTaskAsync(todo, $"t{i}");
        var refused = await ana.FailAsync("query($id: ID!) { board(id: $id) { columns { tasks { activity(first: 1) { summary } } } } }", new { id = board });
        Assert.Equal(("VALIDATION", "activity"), (refused.Code, refused.Field));
    }

    [Fact]
    public async Task OnlyMembersReadTheHistoryViewersToo()
    {
        var ana = await _server.SignUpAsync("Ana");
        var vic = await _server.SignUpAsync("Vic");
        var eve = await _server.SignUpAsync("Eve");
        var board = await ana.CreateBoardAsync();
        var task = (await ana.CreateTaskAsync(await ana.CreateColumnAsync(board, "Todo"), "Secret")).Str("id");
        await ana.AddMemberAsync(board, vic, "VIEWER");

        Assert.Equal(3, (await vic.ActivityAsync(board)).Count);
        Assert.Equal("FORBIDDEN", (await eve.FailAsync("query($b: ID!) { boardActivity(boardId: $b) { hasMore } }", new { b = board })).Code);
        Assert.Equal("NOT_FOUND", (await eve.FailAsync("query($b: ID!) { boardActivity(boardId: $b) { hasMore } }", new { b = Guid.NewGuid() })).Code);
        // The task itself is out of reach, and its history with it.
        var data = await eve.DataAsync("query($id: ID!) { task(id: $id) { activity { summary } } }", new { id = task });
        Assert.Equal(JsonValueKind.Null, data.GetProperty("task").ValueKind);
    }

    [Fact]
    public async Task TheUndoDataOfColumnAndBoardEventsIsInTheEvents()
    {
        var ana = await _server.SignUpAsync("Ana");
        var board = await ana.CreateBoardAsync("Plans");
        var a = await ana.CreateColumnAsync(board, "A");
        await ana.CreateColumnAsync(board, "B");
        await ana.DataAsync("mutation($i: UpdateColumnInput!) { updateColumn(input: $i) { id } }", new { i = new { id = a, name = "A2" } });
        await ana.DataAsync("mutation($i: MoveColumnInput!) { moveColumn(input: $i) { id } }", new { i = new { id = a, index = 1 } });
        await ana.DataAsync("mutation($id: ID!) { renameBoard(id: $id, name: \"Roadmap\") { id } }", new { id = board });

        var payloads = (await ana.EventsAsync(board)).Select(e => e.GetProperty("payload")).ToList();
        Assert.Equal("A", payloads.Single(p => p.Str("type") == "column:updated").GetProperty("before").Str("name"));
        var moved = payloads.Single(p => p.Str("type") == "column:moved");
        Assert.Equal((0, 1), (moved.GetProperty("fromPosition").GetInt32(), moved.GetProperty("position").GetInt32()));
        Assert.Equal("Plans", payloads.Single(p => p.Str("type") == "board:updated").GetProperty("before").Str("name"));
    }

    private static long[] Seqs(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToArray();

    private static void Json(string expected, JsonElement actual) =>
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(expected).RootElement), JsonSerializer.Serialize(actual));
}
