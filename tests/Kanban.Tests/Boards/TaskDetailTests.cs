using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;
using static Kanban.Tests.Support.TaskDetailApi;

namespace Kanban.Tests.Boards;

public sealed class TaskDetailTestsOnSqlite(SqliteServer f) : TaskDetailTests(f), IClassFixture<SqliteServer>;

public sealed class TaskDetailTestsOnPostgres(PostgresServer f) : TaskDetailTests(f), IClassFixture<PostgresServer>;

/// <summary>updateTask's due date, labels and assignees; per-field conflicts; members leaving their tasks.</summary>
public abstract class TaskDetailTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    private sealed record Team(Api Ana, Api Ben, Api Vic, string Board, string Todo, string Done, string Task);

    /// <summary>ana owns a board with a task; ben is an EDITOR, vic a VIEWER.</summary>
    private async Task<Team> TeamAsync()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var vic = await _server.SignUpAsync("vic");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        await ana.AddMemberAsync(board, vic, "VIEWER");
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var done = await ana.CreateColumnAsync(board, "Done");
        return new Team(ana, ben, vic, board, todo, done, (await ana.CreateTaskAsync(todo, "Ship it")).Str("id"));
    }

    [Fact]
    public async Task ADueDateLabelsAndAssigneesChangeTheTaskInOneUpdate()
    {
        var t = await TeamAsync();
        var bug = (await t.Ana.CreateLabelAsync(t.Board, "Bug")).Str("id");
        await using var watch = await BoardWatch.StartAsync(_server, t.Vic, t.Board);

        JsonElement task = default;
        var e = await watch.ExpectAsync("task:updated", async () => task = await t.Ana.UpdateTaskAsync(new
        {
            id = t.Task, dueDate = "2031-02-28", addLabelIds = new[] { bug }, addAssigneeIds = new[] { t.Ben.UserId, t.Ana.UserId },
        }));
        Assert.Equal("2031-02-28", task.Str("dueDate"));
        Assert.Equal([bug], task.GetProperty("labelIds").Strings());
        Assert.Equal(new[] { t.Ana.UserId, t.Ben.UserId }.Order(StringComparer.Ordinal), task.GetProperty("assigneeIds").Strings());
        Assert.Equal(2, task.GetProperty("version").GetInt32());

        Assert.Equal(t.Task, e.Str("taskId"));
        Assert.Equal(2, e.GetProperty("version").GetInt32());
        var updates = e.GetProperty("updates");
        Assert.Equal(["assigneeIds", "dueDate", "labelIds", "updatedAt"], updates.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("2031-02-28", updates.Str("dueDate"));
        Assert.Equal(task.GetProperty("assigneeIds").GetRawText(), updates.GetProperty("assigneeIds").GetRawText());
        Assert.Equal(task.Str("updatedAt"), (await t.Ana.TaskAsync(t.Board, t.Task)).Str("updatedAt"));
        Assert.Equal(task.GetRawText(), (await t.Ana.TaskAsync(t.Board, t.Task)).GetRawText());

        var names = await t.Ana.DataAsync("query($id: ID!) { board(id: $id) { columns { tasks { assignees { name } } } } }", new { id = t.Board });
        Assert.Equal(["ana", "ben"], names.GetProperty("board").GetProperty("columns")[0].GetProperty("tasks")[0]
            .GetProperty("assignees").EnumerateArray().Select(u => u.Str("name")).Order());
    }

    [Fact]
    public async Task AClearedDueDateTravelsAsNullAndAnUnchangedOneNotAtAll()
    {
        var t = await TeamAsync();
        await t.Ana.UpdateTaskAsync(new { id = t.Task, dueDate = "2030-01-01" });
        await using var watch = await BoardWatch.StartAsync(_server, t.Ben, t.Board);

        var retitled = await watch.ExpectAsync("task:updated", () => t.Ana.UpdateTaskAsync(new { id = t.Task, title = "Ship it now" }));
        Assert.False(retitled.GetProperty("updates").TryGetProperty("dueDate", out _));
        Assert.Equal("2030-01-01", (await t.Ana.TaskAsync(t.Board, t.Task)).Str("dueDate"));

        var cleared = await watch.ExpectAsync("task:updated", () => t.Ana.UpdateTaskAsync(new { id = t.Task, dueDate = (string?)null }));
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("updates").GetProperty("dueDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await t.Ana.TaskAsync(t.Board, t.Task)).GetProperty("dueDate").ValueKind);
    }

    [Fact]
    public async Task AddingWhatIsThereOrRemovingWhatIsNotChangesNothing()
    {
        var t = await TeamAsync();
        var bug = (await t.Ana.CreateLabelAsync(t.Board, "Bug")).Str("id");
        var ux = (await t.Ana.CreateLabelAsync(t.Board, "UX")).Str("id");
        await t.Ana.UpdateTaskAsync(new { id = t.Task, addLabelIds = new[] { bug }, addAssigneeIds = new[] { t.Ben.UserId }, dueDate = "2030-05-05" });
        var seq = await t.Ana.SeqAsync(t.Board);

        var same = await t.Ana.UpdateTaskAsync(new
        {
            id = t.Task, addLabelIds = new[] { bug }, removeLabelIds = new[] { ux }, addAssigneeIds = new[] { t.Ben.UserId },
            removeAssigneeIds = new[] { t.Vic.UserId }, dueDate = "2030-05-05",
        });
        Assert.Equal(2, same.GetProperty("version").GetInt32());
        Assert.Equal(seq, await t.Ana.SeqAsync(t.Board));
    }

    [Fact]
    public async Task InvalidDatesLabelsAndAssigneesAreRefusedNamingTheFieldAndChangeNothing()
    {
        var t = await TeamAsync();
        var other = await t.Ana.CreateBoardAsync("Other");
        var foreign = (await t.Ana.CreateLabelAsync(other, "Elsewhere")).Str("id");
        var stranger = await _server.SignUpAsync("sam");
        var before = (await t.Ana.TaskAsync(t.Board, t.Task)).GetRawText();
        var seq = await t.Ana.SeqAsync(t.Board);

        async Task Refused(string field, object input)
        {
            var result = await t.Ana.FailAsync(UpdateTask, new { i = input });
            Assert.Equal(("VALIDATION", field), (result.Code, result.Field));
        }

        foreach (var date in new[] { "2031-13-01", "2031-2-3", "2031-02-30", "tomorrow", "2031-02-03T00:00:00Z", " 2031-02-03", "" })
            await Refused("dueDate", new { id = t.Task, title = "not this", dueDate = date });
        await Refused("addLabelIds", new { id = t.Task, title = "not this", addLabelIds = new[] { foreign } });
        await Refused("addLabelIds", new { id = t.Task, addLabelIds = new[] { Guid.CreateVersion7().ToString() } });
        await Refused("addLabelIds", new { id = t.Task, addLabelIds = new[] { "not-a-uuid" } });
        await Refused("addAssigneeIds", new { id = t.Task, title = "not this", addAssigneeIds = new[] { stranger.UserId } });
        await Refused("addAssigneeIds", new { id = t.Task, addAssigneeIds = new[] { Guid.NewGuid().ToString() } });
        await Refused("title", new { id = t.Task, title = new string('x', 201) });
        await Refused("description", new { id = t.Task, description = new string('x', 20_001) });

        Assert.Equal(before, (await t.Ana.TaskAsync(t.Board, t.Task)).GetRawText());
        Assert.Equal(seq, await t.Ana.SeqAsync(t.Board));
    }

    [Fact]
    public async Task ATaskHasAtMostTwentyAssignees()
    {
        var t = await TeamAsync();
        var people = new List<string> { t.Ana.UserId, t.Ben.UserId, t.Vic.UserId };
        for (var i = people.Count; i < 21; i++)
        {
            var person = await _server.SignUpAsync($"p{i}");
            await t.Ana.AddMemberAsync(t.Board, person, "VIEWER");
            people.Add(person.UserId);
        }
        var refused = await t.Ana.FailAsync(UpdateTask, new { i = new { id = t.Task, addAssigneeIds = people } });
        Assert.Equal(("VALIDATION", "addAssigneeIds"), (refused.Code, refused.Field));

        var twenty = await t.Ana.UpdateTaskAsync(new { id = t.Task, addAssigneeIds = people.Take(20) });
        Assert.Equal(20, twenty.GetProperty("assigneeIds").GetArrayLength());
        Assert.Equal("VALIDATION", (await t.Ana.FailAsync(UpdateTask, new { i = new { id = t.Task, addAssigneeIds = people.Skip(20) } })).Code);
        // Swapping one for another in one update stays within the limit.
        var swapped = await t.Ana.UpdateTaskAsync(new { id = t.Task, addAssigneeIds = people.Skip(20), removeAssigneeIds = people.Take(1) });
        Assert.Contains(people[20], swapped.GetProperty("assigneeIds").Strings());
    }

    [Fact]
    public async Task ViewersCannotLabelAssignOrDateATask()
    {
        var t = await TeamAsync();
        var bug = (await t.Ana.CreateLabelAsync(t.Board, "Bug")).Str("id");
        var stranger = await _server.SignUpAsync("sam");
        foreach (var user in new[] { t.Vic, stranger })
        {
            Assert.Equal("FORBIDDEN", (await user.FailAsync(UpdateTask, new { i = new { id = t.Task, addLabelIds = new[] { bug } } })).Code);
            Assert.Equal("FORBIDDEN", (await user.FailAsync(UpdateTask, new { i = new { id = t.Task, addAssigneeIds = new[] { user.UserId } } })).Code);
            Assert.Equal("FORBIDDEN", (await user.FailAsync(UpdateTask, new { i = new { id = t.Task, dueDate = "2030-01-01" } })).Code);
        }
        Assert.Equal(1, (await t.Ana.TaskAsync(t.Board, t.Task)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ATitleEditMadeBeforeSomeoneMovedTheTaskStillSucceeds()
    {
        var t = await TeamAsync();
        await t.Ben.MoveTaskAsync(t.Task, t.Done, 0); // version 2

        var edited = await t.Ana.UpdateTaskAsync(new { id = t.Task, title = "Ship it today", expectedVersion = 1 });
        Assert.Equal("Ship it today", edited.Str("title"));
        Assert.Equal(t.Done, edited.Str("columnId"));
        Assert.Equal(3, edited.GetProperty("version").GetInt32());

        // And a move made on version 1 or 2 still goes through after that edit: only a move conflicts with a move.
        var moved = (await t.Ben.DataAsync($"mutation($i: MoveTaskInput!) {{ moveTask(input: $i) {{ {BoardApi.TaskFields} }} }}",
            new { i = new { id = t.Task, columnId = t.Todo, index = 0, expectedVersion = 2 } })).GetProperty("moveTask");
        Assert.Equal(t.Todo, moved.Str("columnId"));
    }

    [Fact]
    public async Task AMoveAnswersWithTheTaskPartsItsSelectionAsksForEvenThroughAFragment()
    {
        var t = await TeamAsync();
        var bug = (await t.Ana.CreateLabelAsync(t.Board, "Bug")).Str("id");
        await t.Ana.UpdateTaskAsync(new { id = t.Task, addLabelIds = new[] { bug }, addAssigneeIds = new[] { t.Ben.UserId } });
        var item = (await t.Ana.AddItemAsync(t.Task, "Write the notes")).Str("id");

        // A drag asks for its place only (the parts are then not read); a fragment asks for the parts.
        var placeOnly = (await t.Ben.DataAsync("mutation($i: MoveTaskInput!) { moveTask(input: $i) { id columnId version } }",
            new { i = new { id = t.Task, columnId = t.Done, index = 0 } })).GetProperty("moveTask");
        Assert.Equal(t.Done, placeOnly.Str("columnId"));
        var withParts = (await t.Ben.DataAsync(
            "mutation($i: MoveTaskInput!) { moveTask(input: $i) { id ...Parts } } " +
            "fragment Parts on Task { labelIds assigneeIds labels { name } assignees { id } checklist { id } }",
            new { i = new { id = t.Task, columnId = t.Todo, index = 0 } })).GetProperty("moveTask");
        Assert.Equal([bug], withParts.GetProperty("labelIds").Strings());
        Assert.Equal([t.Ben.UserId], withParts.GetProperty("assigneeIds").Strings());
        Assert.Equal("Bug", withParts.GetProperty("labels")[0].Str("name"));
        Assert.Equal(t.Ben.UserId, withParts.GetProperty("assignees")[0].Str("id"));
        Assert.Equal(item, withParts.GetProperty("checklist")[0].Str("id"));
    }

    [Fact]
    public async Task TwoTitleEditsOnOneVersionConflictWithTheCurrentTask()
    {
        var t = await TeamAsync();
        await t.Ben.UpdateTaskAsync(new { id = t.Task, title = "Ben's", expectedVersion = 1 });
        // Another field changed since version 1 is no conflict...
        await t.Ana.UpdateTaskAsync(new { id = t.Task, description = "why", expectedVersion = 1 });

        // ...the same field is, and the answer carries the task as it is.
        var clash = await t.Ana.FailAsync(UpdateTask, new { i = new { id = t.Task, title = "Ana's", expectedVersion = 1 } });
        Assert.Equal("CONFLICT", clash.Code);
        var current = clash.Errors[0].GetProperty("extensions").GetProperty("current");
        Assert.Equal("Ben's", current.Str("title"));
        Assert.Equal("why", current.Str("description"));
        Assert.Equal(3, current.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Array, current.GetProperty("labelIds").ValueKind);
        Assert.Equal("Ben's", (await t.Ana.TaskAsync(t.Board, t.Task)).Str("title"));

        // Dates conflict the same way; a date set on the current version does not.
        await t.Ben.UpdateTaskAsync(new { id = t.Task, dueDate = "2030-01-01", expectedVersion = 3 });
        Assert.Equal("CONFLICT", (await t.Ana.FailAsync(UpdateTask, new { i = new { id = t.Task, dueDate = "2030-02-02", expectedVersion = 3 } })).Code);
        Assert.Equal("2030-02-02", (await t.Ana.UpdateTaskAsync(new { id = t.Task, dueDate = "2030-02-02", expectedVersion = 4 })).Str("dueDate"));
    }

    [Fact]
    public async Task TwoLabelAddsAtOnceBothStick()
    {
        var t = await TeamAsync();
        var bug = (await t.Ana.CreateLabelAsync(t.Board, "Bug")).Str("id");
        var ux = (await t.Ana.CreateLabelAsync(t.Board, "UX")).Str("id");

        await Task.WhenAll(
            t.Ana.UpdateTaskAsync(new { id = t.Task, addLabelIds = new[] { bug }, expectedVersion = 1 }),
            t.Ben.UpdateTaskAsync(new { id = t.Task, addLabelIds = new[] { ux }, expectedVersion = 1 }));

        var task = await t.Ana.TaskAsync(t.Board, t.Task);
        Assert.Equal(new[] { bug, ux }.Order(StringComparer.Ordinal), task.GetProperty("labelIds").Strings());
        Assert.Equal(3, task.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task AMemberWhoIsRemovedOrLeavesIsOffEveryTaskInThatSameChange()
    {
        var t = await TeamAsync();
        var second = (await t.Ana.CreateTaskAsync(t.Done, "Second")).Str("id");
        foreach (var task in new[] { t.Task, second })
            await t.Ana.UpdateTaskAsync(new { id = task, addAssigneeIds = new[] { t.Ben.UserId, t.Vic.UserId, t.Ana.UserId } });
        await using var watch = await BoardWatch.StartAsync(_server, t.Ana, t.Board);

        var removed = await watch.ExpectAsync("member:removed", () =>
            t.Ana.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = t.Board, u = t.Ben.UserId }));
        Assert.Equal(t.Ben.UserId, removed.Str("userId"));
        var left = await watch.ExpectAsync("member:removed", () =>
            t.Vic.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = t.Board, u = t.Vic.UserId }));
        Assert.Equal(t.Vic.UserId, left.Str("userId"));

        var board = await t.Ana.BoardAsync(t.Board);
        Assert.Equal(watch.Seq, board.GetProperty("seq").GetInt64()); // no task events: clients apply member:removed
        foreach (var task in board.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("tasks").EnumerateArray()))
        {
            Assert.Equal([t.Ana.UserId], task.GetProperty("assigneeIds").Strings());
            Assert.Equal(2, task.GetProperty("version").GetInt32());
        }
    }

    [Fact]
    public async Task DeletingAColumnOrABoardTakesEverythingOnItsTasksWithIt()
    {
        var t = await TeamAsync();
        var bug = (await t.Ana.CreateLabelAsync(t.Board, "Bug")).Str("id");
        var tasks = new[] { t.Task, (await t.Ana.CreateTaskAsync(t.Done, "Second")).Str("id") };
        foreach (var task in tasks)
        {
            await t.Ana.UpdateTaskAsync(new { id = task, addLabelIds = new[] { bug }, addAssigneeIds = new[] { t.Ben.UserId }, dueDate = "2030-01-01" });
            await t.Ana.AddItemAsync(task, "step");
            await t.Vic.AddCommentAsync(task, "a thought");
        }

        await t.Ana.DataAsync("mutation($id: ID!) { deleteColumn(id: $id) { id } }", new { id = t.Todo });
        var board = await t.Ana.BoardAsync(t.Board);
        Assert.Equal(1, board.GetProperty("columns").GetArrayLength());
        Assert.Equal(1, board.GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("checklist").GetArrayLength());

        await t.Ana.DataAsync("mutation($id: ID!) { deleteBoard(id: $id) { id } }", new { id = t.Board });
        Assert.Equal(JsonValueKind.Null, (await t.Ana.BoardAsync(t.Board)).ValueKind);
        // The members are still free to be assigned and to comment elsewhere.
        var next = await t.Ana.CreateBoardAsync("Next");
        await t.Ana.AddMemberAsync(next, t.Ben, "EDITOR");
        var task2 = (await t.Ana.CreateTaskAsync(await t.Ana.CreateColumnAsync(next, "Todo"), "x")).Str("id");
        Assert.Equal([t.Ben.UserId], (await t.Ana.UpdateTaskAsync(new { id = task2, addAssigneeIds = new[] { t.Ben.UserId } })).GetProperty("assigneeIds").Strings());
    }
}
