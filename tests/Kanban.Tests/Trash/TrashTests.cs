using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Search;
using Kanban.Tests.Support;

namespace Kanban.Tests.Trash;

public sealed class TrashTestsOnSqlite(SqliteServer f) : TrashTests(f), IClassFixture<SqliteServer>;

public sealed class TrashTestsOnPostgres(PostgresServer f) : TrashTests(f), IClassFixture<PostgresServer>;

public abstract class TrashTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    private static string[] Titles(JsonElement tasks) => tasks.EnumerateArray().Select(t => t.Str("title")).ToArray();

    [Fact]
    public async Task ARestoredTaskComesBackWithEverythingItHadAtItsOldPlace()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        var todo = await ana.CreateColumnAsync(board, "Todo");
        await ana.CreateTaskAsync(todo, "a");
        var b = (await ana.CreateTaskAsync(todo, "b")).Str("id");
        await ana.CreateTaskAsync(todo, "c");
        var bug = (await ana.CreateLabelAsync(board, "Bug")).Str("id");
        await ana.UpdateTaskAsync(new { id = b, description = "details", dueDate = "2030-05-01", addLabelIds = new[] { bug }, addAssigneeIds = new[] { ben.UserId } });
        await ana.AddItemAsync(b, "step one");
        await ben.AddCommentAsync(b, "a thought");
        var before = await ana.TaskAsync(board, b);

        await ana.DeleteTaskAsync(b);
        Assert.Equal(["a", "c"], await ana.TitlesAsync(board, todo));
        var seq = await ana.SeqAsync(board);

        var restored = await ana.RestoreTaskAsync(b);
        Assert.Equal(["a", "b", "c"], await ana.TitlesAsync(board, todo));
        var after = await ana.TaskAsync(board, b);
        foreach (var field in new[] { "title", "description", "dueDate", "labelIds", "assigneeIds", "checklist", "commentCount", "version", "createdBy", "columnId" })
        {
            Assert.Equal(before.GetProperty(field).GetRawText(), restored.GetProperty(field).GetRawText());
            Assert.Equal(before.GetProperty(field).GetRawText(), after.GetProperty(field).GetRawText());
        }
        var comments = await ana.DataAsync("query($id: ID!) { task(id: $id) { comments { comments { body } } } }", new { id = b });
        Assert.Equal("a thought", comments.GetProperty("task").GetProperty("comments").GetProperty("comments")[0].Str("body"));

        var events = await ana.EventsAsync(board, seq);
        var restoredEvent = Assert.Single(events);
        Assert.Equal("task:restored", restoredEvent.Str("type"));
        Assert.Equal(after.GetRawText(), restoredEvent.GetProperty("payload").GetProperty("task").GetRawText());
        Assert.Empty(await ana.TrashAsync(board));
    }

    [Fact]
    public async Task ARestoredColumnBringsBackTheTasksThatWentWithItInTheirOrder()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        await ana.CreateColumnAsync(board, "Todo");
        var doing = await ana.CreateColumnAsync(board, "Doing");
        await ana.CreateColumnAsync(board, "Done");
        await ana.CreateTaskAsync(doing, "x");
        var y = (await ana.CreateTaskAsync(doing, "y")).Str("id");
        await ana.CreateTaskAsync(doing, "z");
        await ana.DeleteTaskAsync(y); // on its own, before the column
        await ana.DeleteColumnAsync(doing);
        Assert.Equal(["Todo", "Done"], await ana.ColumnNamesAsync(board));

        var trash = await ana.TrashAsync(board);
        Assert.Equal(["column", "task"], trash.Select(i => i.Str("kind")));
        Assert.Equal(["Doing", "y"], trash.Select(i => i.Str("title")));
        Assert.Equal(2, trash[0].GetProperty("taskCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, trash[1].GetProperty("taskCount").ValueKind);
        Assert.Equal(doing, trash[1].Str("columnId"));
        Assert.Equal(ana.UserId, trash[0].GetProperty("deletedBy").Str("id"));
        Assert.Equal("ana", trash[0].GetProperty("deletedBy").Str("name"));

        var seq = await ana.SeqAsync(board);
        var restored = await ana.RestoreColumnAsync(doing);
        Assert.Equal("Doing", restored.Str("name"));
        Assert.Equal(["x", "z"], Titles(restored.GetProperty("tasks")));
        Assert.Equal(["Todo", "Doing", "Done"], await ana.ColumnNamesAsync(board));
        Assert.Equal(["x", "z"], await ana.TitlesAsync(board, doing));
        var e = Assert.Single(await ana.EventsAsync(board, seq));
        Assert.Equal("column:restored", e.Str("type"));
        Assert.Equal(["x", "z"], Titles(e.GetProperty("payload").GetProperty("column").GetProperty("tasks")));

        // The task deleted on its own stays in the trash, and comes back between its old neighbours.
        Assert.Equal(["y"], (await ana.TrashAsync(board)).Select(i => i.Str("title")));
        await ana.RestoreTaskAsync(y);
        Assert.Equal(["x", "y", "z"], await ana.TitlesAsync(board, doing));
    }

    [Fact]
    public async Task RestoresReachEveryoneOnTheBoardAndTheirReplicasMatchTheBoard()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "VIEWER");
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var doing = await ana.CreateColumnAsync(board, "Doing");
        var task = (await ana.CreateTaskAsync(todo, "a")).Str("id");
        await ana.AddItemAsync(task, "step");
        await ana.CreateTaskAsync(doing, "x");
        await ana.CreateTaskAsync(doing, "y");
        await ana.DeleteTaskAsync(task);
        await ana.DeleteColumnAsync(doing);

        await using var connection = await _server.ConnectAsync(ben);
        var feed = await connection.FollowAsync(ben, board);
        await using var watch = await BoardWatch.StartAsync(_server, ben, board);
        var restored = await watch.ExpectAsync("task:restored", () => ana.RestoreTaskAsync(task));
        Assert.Equal("step", restored.GetProperty("task").GetProperty("checklist")[0].Str("text"));
        var column = await watch.ExpectAsync("column:restored", () => ana.RestoreColumnAsync(doing));
        Assert.Equal(["x", "y"], Titles(column.GetProperty("column").GetProperty("tasks")));

        var final = await ana.BoardAsync(board);
        await feed.WaitForSeqAsync(final.GetProperty("seq").GetInt64(), Live.Timeout);
        Assert.Equal(BoardReplica.Canonical(final), feed.Read(r => r.Canonical()));
    }

    [Fact]
    public async Task ARestoredItemWhoseOldNeighboursAreNoLongerAdjacentGoesToTheEnd()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var doing = await ana.CreateColumnAsync(board, "Doing");
        var done = await ana.CreateColumnAsync(board, "Done");
        await ana.CreateTaskAsync(todo, "a");
        var b = (await ana.CreateTaskAsync(todo, "b")).Str("id");
        var c = (await ana.CreateTaskAsync(todo, "c")).Str("id");

        await ana.DeleteTaskAsync(b);
        await ana.MoveTaskAsync(c, todo, 0);
        await ana.RestoreTaskAsync(b);
        Assert.Equal(["c", "a", "b"], await ana.TitlesAsync(board, todo));

        await ana.DeleteColumnAsync(doing);
        await ana.DataAsync("mutation($id: ID!) { moveColumn(input: { id: $id, index: 0 }) { id } }", new { id = done });
        await ana.RestoreColumnAsync(doing);
        Assert.Equal(["Done", "Todo", "Doing"], await ana.ColumnNamesAsync(board));
    }

    [Fact]
    public async Task ATaskWhoseColumnIsGoneGoesToTheEndOfTheFirstColumn()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var done = await ana.CreateColumnAsync(board, "Done");
        await ana.CreateTaskAsync(todo, "t");
        var d = (await ana.CreateTaskAsync(done, "d")).Str("id");
        var e = (await ana.CreateTaskAsync(done, "e")).Str("id");
        await ana.DeleteTaskAsync(d);
        await ana.DeleteColumnAsync(done);

        var restored = await ana.RestoreTaskAsync(d);
        Assert.Equal(todo, restored.Str("columnId"));
        Assert.Equal(["t", "d"], await ana.TitlesAsync(board, todo));

        // A task that went with its column, restored on its own, leaves the column's share of the trash.
        await ana.RestoreTaskAsync(e);
        Assert.Equal(["t", "d", "e"], await ana.TitlesAsync(board, todo));
        Assert.Equal(0, (await ana.TrashAsync(board)).Single().GetProperty("taskCount").GetInt32());

        await ana.DeleteTaskAsync(d);
        await ana.DeleteColumnAsync(todo);
        var refused = await ana.FailAsync(TrashApi.RestoreTask, new { id = d });
        Assert.Equal(("VALIDATION", "id"), (refused.Code, refused.Field));
        Assert.Contains("no column", refused.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task RestoringWhatIsNotInTheTrashChangesNothing()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var a = (await ana.CreateTaskAsync(todo, "a")).Str("id");
        await ana.CreateTaskAsync(todo, "b");
        await ana.DeleteTaskAsync(a);
        await ana.DeleteColumnAsync(todo);
        var first = await ana.RestoreColumnAsync(todo);
        var firstTask = await ana.RestoreTaskAsync(a);
        var seq = await ana.SeqAsync(board);

        var again = await ana.RestoreColumnAsync(todo); // the column as it is now, its tasks included
        Assert.Equal(first.Str("rank"), again.Str("rank"));
        Assert.Equal(["a", "b"], Titles(again.GetProperty("tasks")));
        Assert.Equal(firstTask.GetRawText(), (await ana.RestoreTaskAsync(a)).GetRawText());
        Assert.Equal(seq, await ana.SeqAsync(board));
        Assert.Equal(["a", "b"], await ana.TitlesAsync(board, todo)); // first, before its old neighbour

        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TrashApi.RestoreTask, new { id = Guid.NewGuid() })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TrashApi.RestoreColumn, new { id = Guid.NewGuid() })).Code);
    }

    [Fact]
    public async Task ViewersReadTheTrashButCannotRestoreAndStrangersSeeNone()
    {
        var ana = await _server.SignUpAsync("ana");
        var vic = await _server.SignUpAsync("vic");
        var sam = await _server.SignUpAsync("sam");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, vic, "VIEWER");
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var doomed = await ana.CreateColumnAsync(board, "Doomed");
        var task = (await ana.CreateTaskAsync(todo, "a")).Str("id");
        await ana.DeleteTaskAsync(task);
        await ana.DeleteColumnAsync(doomed);

        Assert.Equal(2, (await vic.TrashAsync(board)).Length);
        foreach (var user in new[] { vic, sam })
        {
            Assert.Equal("FORBIDDEN", (await user.FailAsync(TrashApi.RestoreTask, new { id = task })).Code);
            Assert.Equal("FORBIDDEN", (await user.FailAsync(TrashApi.RestoreColumn, new { id = doomed })).Code);
        }
        Assert.Equal("FORBIDDEN", (await sam.FailAsync(TrashApi.Trash, new { b = board })).Code);
        Assert.Equal("NOT_FOUND", (await sam.FailAsync(TrashApi.Trash, new { b = Guid.NewGuid() })).Code);
        Assert.Equal(2, (await ana.TrashAsync(board)).Length); // nothing was restored
    }

    [Fact]
    public async Task TrashedItemsAreNowhereButInTheTrash()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var doomed = await ana.CreateColumnAsync(board, "Doomed");
        var task = (await ana.CreateTaskAsync(todo, "Kilo report")).Str("id");
        var inDoomed = (await ana.CreateTaskAsync(doomed, "Kilo draft")).Str("id");
        foreach (var id in new[] { task, inDoomed })
            await ana.UpdateTaskAsync(new { id, addAssigneeIds = new[] { ana.UserId } });
        var comment = (await ana.AddCommentAsync(task, "lima remark")).Str("id");
        var item = (await ana.AddItemAsync(task, "step")).Str("id");
        Assert.Equal(2, (await ana.SearchAsync("kilo")).Length);
        Assert.Equal(2, (await ana.MyTasksAsync()).Length);

        await ana.DeleteTaskAsync(task);
        await ana.DeleteColumnAsync(doomed);

        var snapshot = await ana.BoardAsync(board);
        Assert.Equal(["Todo"], snapshot.GetProperty("columns").EnumerateArray().Select(c => c.Str("name")));
        Assert.Empty(snapshot.GetProperty("columns")[0].GetProperty("tasks").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, (await ana.TaskAsync(task)).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await ana.TaskAsync(inDoomed)).ValueKind);
        Assert.Empty(await ana.MyTasksAsync());
        Assert.Empty(await ana.SearchAsync("kilo"));
        Assert.Empty(await ana.SearchAsync("lima"));
        var columnTasks = await ana.DataAsync("query($id: ID!) { board(id: $id) { columns { tasks { id } } } }", new { id = board });
        Assert.Single(columnTasks.GetProperty("board").GetProperty("columns").EnumerateArray());

        // Nothing reaches them but restore (the server remembers a task's board once it has changed
        // the task, as it did above: what finds it gone is the read inside the write).
        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TaskDetailApi.UpdateTask, new { i = new { id = task, title = "x" } })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync("mutation($i: MoveTaskInput!) { moveTask(input: $i) { id } }",
            new { i = new { id = task, columnId = todo, index = 0 } })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TaskDetailApi.AddComment, new { i = new { taskId = task, body = "x" } })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync("mutation($id: ID!) { deleteTask(id: $id) { id } }", new { id = task })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TaskDetailApi.EditComment, new { i = new { id = comment, body = "x" } })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TaskDetailApi.DeleteComment, new { id = comment })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TaskDetailApi.UpdateItem, new { i = new { id = item, done = true } })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TaskDetailApi.DeleteItem, new { id = item })).Code);
        Assert.Equal("VALIDATION", (await ana.FailAsync("mutation($i: MoveTaskInput!) { moveTask(input: $i) { id } }",
            new { i = new { id = (await ana.CreateTaskAsync(todo, "mover")).Str("id"), columnId = doomed } })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync("mutation($c: ID!) { createTask(input: { columnId: $c, title: \"x\" }) { id } }", new { c = doomed })).Code);

        // Their IDs stay theirs: a create with one is no safe retry but a CONFLICT.
        var createTask = "mutation($c: ID!, $id: ID) { createTask(input: { id: $id, columnId: $c, title: \"x\" }) { id } }";
        Assert.Equal("CONFLICT", (await ana.FailAsync(createTask, new { c = todo, id = task })).Code);
        Assert.Equal("CONFLICT", (await ana.FailAsync(createTask, new { c = todo, id = inDoomed })).Code);
        Assert.Equal("CONFLICT", (await ana.FailAsync("mutation($b: ID!, $id: ID) { createColumn(input: { id: $id, boardId: $b, name: \"x\" }) { id } }",
            new { b = board, id = doomed })).Code);

        var restored = await ana.RestoreTaskAsync(task);
        Assert.Equal(1, restored.GetProperty("commentCount").GetInt32());
        Assert.Single(restored.GetProperty("checklist").EnumerateArray());
        Assert.Equal(task, (await ana.MoveTaskAsync(task, todo, 0)).Str("id"));
        await ana.RestoreColumnAsync(doomed);
        Assert.Equal(["Kilo draft", "Kilo report"], (await ana.SearchAsync("kilo")).Order());
        Assert.Equal(2, (await ana.MyTasksAsync()).Length);
    }

    [Fact]
    public async Task ADeletedBoardTakesItsTrashWithItForGood()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var doomed = await ana.CreateColumnAsync(board, "Doomed");
        var task = (await ana.CreateTaskAsync(todo, "a")).Str("id");
        var withColumn = (await ana.CreateTaskAsync(doomed, "b")).Str("id");
        await ana.DeleteTaskAsync(task);
        await ana.DeleteColumnAsync(doomed);

        await ana.DataAsync("mutation($id: ID!) { deleteBoard(id: $id) { id } }", new { id = board });
        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TrashApi.RestoreTask, new { id = task })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync(TrashApi.RestoreColumn, new { id = doomed })).Code);
        var column = await ana.CreateColumnAsync(await ana.CreateBoardAsync("Next"), "Todo");
        var createTask = "mutation($c: ID!, $id: ID) { createTask(input: { id: $id, columnId: $c, title: \"x\" }) { id } }";
        foreach (var id in new[] { task, withColumn })
            Assert.Equal("CONFLICT", (await ana.FailAsync(createTask, new { c = column, id })).Code);
    }

    [Fact]
    public async Task AMemberWhoLeavesIsOffTrashedTasksToo()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var task = (await ana.CreateTaskAsync(todo, "a")).Str("id");
        await ana.UpdateTaskAsync(new { id = task, addAssigneeIds = new[] { ana.UserId, ben.UserId } });
        await ana.DeleteTaskAsync(task);

        await ana.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = board, u = ben.UserId });
        Assert.Equal([ana.UserId], (await ana.RestoreTaskAsync(task)).GetProperty("assigneeIds").Strings());
    }

    [Fact]
    public async Task ARestoreStillKeepsTheColumnLimit()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var doomed = await ana.CreateColumnAsync(board, "Doomed");
        await ana.DeleteColumnAsync(doomed);
        for (var i = 0; i < 100; i++)
            await ana.CreateColumnAsync(board, $"Column {i}");

        var refused = await ana.FailAsync(TrashApi.RestoreColumn, new { id = doomed });
        Assert.Equal(("VALIDATION", "id"), (refused.Code, refused.Field));
        Assert.Single(await ana.TrashAsync(board));
    }
}
