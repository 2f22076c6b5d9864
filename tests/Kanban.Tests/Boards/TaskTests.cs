using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Boards;

public sealed class TaskTestsOnSqlite(SqliteServer f) : TaskTests(f), IClassFixture<SqliteServer>;

public sealed class TaskTestsOnPostgres(PostgresServer f) : TaskTests(f), IClassFixture<PostgresServer>;

public abstract class TaskTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    private async Task<(Api ana, string board, string todo, string done)> BoardWithTwoColumnsAsync()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        return (ana, board, await ana.CreateColumnAsync(board, "Todo"), await ana.CreateColumnAsync(board, "Done"));
    }

    [Fact]
    public async Task CreatedTaskHasItsFieldsAndTakesTheEndByDefault()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        await ana.CreateTaskAsync(todo, "first");
        var task = await ana.CreateTaskAsync(todo, "  second  ");

        Assert.Equal("second", task.Str("title")); // stored trimmed
        Assert.Equal(1, task.GetProperty("version").GetInt32());
        Assert.Equal("", task.Str("description"));
        Assert.Equal(board, task.Str("boardId"));
        Assert.Equal(ana.UserId, task.GetProperty("createdBy").Str("id"));
        Assert.Equal("ana", task.GetProperty("createdBy").Str("name"));
        Assert.True(Guid.TryParse(task.Str("id"), out var id) && id.Version == 7, "server-made IDs are UUIDv7");
        Assert.Equal(["first", "second"], await ana.TitlesAsync(board, todo));
    }

    [Fact]
    public async Task IndexPlacesTheNewTaskBetweenItsNeighbours()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        await ana.CreateTaskAsync(todo, "b");
        await ana.CreateTaskAsync(todo, "a", index: 0);
        await ana.CreateTaskAsync(todo, "d", index: 99);
        await ana.CreateTaskAsync(todo, "c", index: 2);
        Assert.Equal(["a", "b", "c", "d"], await ana.TitlesAsync(board, todo));
    }

    [Fact]
    public async Task MovingWithinAColumnCountsTheIndexWithoutTheMovedTask()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        var a = await ana.CreateTaskAsync(todo, "a");
        await ana.CreateTaskAsync(todo, "b");
        await ana.CreateTaskAsync(todo, "c");

        var moved = await ana.MoveTaskAsync(a.Str("id"), todo, 1);
        Assert.Equal(["b", "a", "c"], await ana.TitlesAsync(board, todo));
        Assert.Equal(2, moved.GetProperty("version").GetInt32());

        await ana.MoveTaskAsync(a.Str("id"), todo, 2);
        Assert.Equal(["b", "c", "a"], await ana.TitlesAsync(board, todo));
    }

    [Fact]
    public async Task MovingAcrossColumnsChangesTheColumnAndVersion()
    {
        var (ana, board, todo, done) = await BoardWithTwoColumnsAsync();
        var a = await ana.CreateTaskAsync(todo, "a");
        await ana.CreateTaskAsync(done, "x");

        var moved = await ana.MoveTaskAsync(a.Str("id"), done, 0);
        Assert.Equal(done, moved.Str("columnId"));
        Assert.Equal(2, moved.GetProperty("version").GetInt32());
        Assert.Empty(await ana.TitlesAsync(board, todo));
        Assert.Equal(["a", "x"], await ana.TitlesAsync(board, done));
    }

    [Fact]
    public async Task MovingToThePlaceATaskHasIsNotAChange()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        var a = await ana.CreateTaskAsync(todo, "a");
        await ana.CreateTaskAsync(todo, "b");
        var seq = (await ana.BoardAsync(board)).GetProperty("seq").GetInt64();

        var same = await ana.MoveTaskAsync(a.Str("id"), todo, 0);
        Assert.Equal(1, same.GetProperty("version").GetInt32());
        Assert.Equal(a.Str("rank"), same.Str("rank"));
        Assert.Equal(seq, (await ana.BoardAsync(board)).GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task EditingChangesOnlyWhatDiffersAndBumpsTheVersion()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        var a = await ana.CreateTaskAsync(todo, "a");
        const string update = $"mutation($i: UpdateTaskInput!) {{ updateTask(input: $i) {{ {BoardApi.TaskFields} }} }}";

        var edited = (await ana.DataAsync(update, new { i = new { id = a.Str("id"), description = "why it matters" } })).GetProperty("updateTask");
        Assert.Equal("why it matters", edited.Str("description"));
        Assert.Equal("a", edited.Str("title"));
        Assert.Equal(2, edited.GetProperty("version").GetInt32());

        var seq = (await ana.BoardAsync(board)).GetProperty("seq").GetInt64();
        var same = (await ana.DataAsync(update, new { i = new { id = a.Str("id"), title = " a " } })).GetProperty("updateTask");
        Assert.Equal(2, same.GetProperty("version").GetInt32());
        Assert.Equal(seq, (await ana.BoardAsync(board)).GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task AStaleExpectedVersionIsAConflictCarryingTheCurrentTask()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        var a = await ana.CreateTaskAsync(todo, "a");
        await ana.DataAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }",
            new { i = new { id = a.Str("id"), title = "theirs", expectedVersion = 1 } });

        var stale = await ana.FailAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }",
            new { i = new { id = a.Str("id"), title = "mine", expectedVersion = 1 } });
        Assert.Equal("CONFLICT", stale.Code);
        var current = stale.Errors[0].GetProperty("extensions").GetProperty("current");
        Assert.Equal("theirs", current.Str("title"));
        Assert.Equal(2, current.GetProperty("version").GetInt32());

        // A move conflicts only with a move: the title edit since version 1 is no reason to refuse it.
        await ana.CreateTaskAsync(todo, "b");
        await ana.DataAsync("mutation($i: MoveTaskInput!) { moveTask(input: $i) { id } }",
            new { i = new { id = a.Str("id"), columnId = todo, index = 1, expectedVersion = 1 } });
        var staleMove = await ana.FailAsync("mutation($i: MoveTaskInput!) { moveTask(input: $i) { id } }",
            new { i = new { id = a.Str("id"), columnId = todo, index = 0, expectedVersion = 2 } });
        Assert.Equal("CONFLICT", staleMove.Code);
        Assert.Equal(3, staleMove.Errors[0].GetProperty("extensions").GetProperty("current").GetProperty("version").GetInt32());
        Assert.Equal(["b", "theirs"], await ana.TitlesAsync(board, todo));
    }

    [Fact]
    public async Task RetryingACreateWithTheSameIdReturnsTheTaskAndEmitsNothing()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        var id = Guid.CreateVersion7().ToString();
        var first = await ana.CreateTaskAsync(todo, "once", id: id);
        var seq = (await ana.BoardAsync(board)).GetProperty("seq").GetInt64();

        var retry = await ana.CreateTaskAsync(todo, "once", id: id);
        Assert.Equal(first.GetRawText(), retry.GetRawText());
        Assert.Equal(seq, (await ana.BoardAsync(board)).GetProperty("seq").GetInt64());
        Assert.Equal(["once"], await ana.TitlesAsync(board, todo));
    }

    [Fact]
    public async Task ReusingAnIdOfAnotherUserOrOfADeletedTaskIsAConflict()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        var ben = await _server.SignUpAsync("ben");
        await ana.AddMemberAsync(board, ben, "EDITOR");
        var id = Guid.CreateVersion7().ToString();
        await ana.CreateTaskAsync(todo, "ana's", id: id);

        var create = $"mutation($c: ID!, $id: ID) {{ createTask(input: {{ id: $id, columnId: $c, title: \"x\" }}) {{ id }} }}";
        Assert.Equal("CONFLICT", (await ben.FailAsync(create, new { c = todo, id })).Code);

        await ana.DataAsync("mutation($id: ID!) { deleteTask(id: $id) { id success } }", new { id });
        Assert.Equal("CONFLICT", (await ana.FailAsync(create, new { c = todo, id })).Code);
    }

    [Fact]
    public async Task DeletingATaskRemovesItFromTheBoard()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        var a = await ana.CreateTaskAsync(todo, "a");
        await ana.CreateTaskAsync(todo, "b");
        var deleted = (await ana.DataAsync("mutation($id: ID!) { deleteTask(id: $id) { id success } }", new { id = a.Str("id") }))
            .GetProperty("deleteTask");
        Assert.True(deleted.GetProperty("success").GetBoolean());
        Assert.Equal(a.Str("id"), deleted.Str("id"));
        Assert.Equal(["b"], await ana.TitlesAsync(board, todo));
        Assert.Equal("NOT_FOUND", (await ana.FailAsync("mutation($id: ID!) { deleteTask(id: $id) { id } }", new { id = a.Str("id") })).Code);
    }

    [Fact]
    public async Task ViewersAndNonMembersCannotChangeTasks()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        var task = await ana.CreateTaskAsync(todo, "a");
        var viewer = await _server.SignUpAsync("vic");
        var stranger = await _server.SignUpAsync("sam");
        await ana.AddMemberAsync(board, viewer, "VIEWER");

        foreach (var user in new[] { viewer, stranger })
        {
            var create = await user.FailAsync("mutation($c: ID!) { createTask(input: { columnId: $c, title: \"x\" }) { id } }", new { c = todo });
            Assert.Equal("FORBIDDEN", create.Code);
            var move = await user.FailAsync("mutation($i: MoveTaskInput!) { moveTask(input: $i) { id } }",
                new { i = new { id = task.Str("id"), columnId = todo, index = 0 } });
            Assert.Equal("FORBIDDEN", move.Code);
            Assert.Equal("FORBIDDEN", (await user.FailAsync("mutation($id: ID!) { deleteTask(id: $id) { id } }", new { id = task.Str("id") })).Code);
        }
        Assert.Equal(JsonValueKind.Object, (await viewer.BoardAsync(board)).ValueKind); // a viewer still reads
        Assert.Equal(JsonValueKind.Null, (await stranger.BoardAsync(board)).ValueKind);
    }

    [Fact]
    public async Task AColumnOfAnotherBoardIsNotAMoveTarget()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        var task = await ana.CreateTaskAsync(todo, "a");
        var otherBoard = await ana.CreateBoardAsync("Other");
        var elsewhere = await ana.CreateColumnAsync(otherBoard, "Elsewhere");

        var result = await ana.FailAsync("mutation($i: MoveTaskInput!) { moveTask(input: $i) { id } }",
            new { i = new { id = task.Str("id"), columnId = elsewhere, index = 0 } });
        Assert.Equal("VALIDATION", result.Code);
        Assert.Equal("columnId", result.Field);
        Assert.Equal(["a"], await ana.TitlesAsync(board, todo));
    }

    [Fact]
    public async Task AWornOutGapIsRebalancedAsOneLoggedChangeAndOrderHolds()
    {
        var (ana, board, todo, _) = await BoardWithTwoColumnsAsync();
        await ana.CreateTaskAsync(todo, "first");
        await ana.CreateTaskAsync(todo, "last");
        // Always inserting right after "first" halves the same gap each time: keys grow until a rebalance.
        var batch = string.Join(" ", Enumerable.Range(0, 150).Select(i => $"t{i}: createTask(input: {{ columnId: $c, title: \"{i:D3}\", index: 1 }}) {{ rank }}"));
        await ana.DataAsync($"mutation($c: ID!) {{ {batch} }}", new { c = todo });

        var titles = await ana.TitlesAsync(board, todo);
        Assert.Equal(["first", .. Enumerable.Range(0, 150).Reverse().Select(i => $"{i:D3}"), "last"], titles);
        var events = await ana.EventsAsync(board);
        var reranks = events.Where(e => e.Str("type") == "tasks:reranked").ToList();
        Assert.NotEmpty(reranks);
        Assert.All(reranks, r => Assert.Equal(todo, r.GetProperty("payload").Str("columnId")));
        var ranks = (await ana.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks").EnumerateArray().Select(t => t.Str("rank")).ToList();
        Assert.All(ranks, r => Assert.True(r.Length <= 24, r));

        // The reranks replay like any other event: the log still rebuilds the board.
        var replica = BoardReplica.FromSnapshot(JsonDocument.Parse($$"""{"id":"{{board}}","name":"Board","seq":0,"columns":[],"members":[],"labels":[]}""").RootElement);
        foreach (var e in events)
            replica.Apply(e.GetProperty("payload"));
        var expected = JsonDocument.Parse(BoardReplica.Canonical(await ana.BoardAsync(board))).RootElement;
        var actual = JsonDocument.Parse(replica.Canonical()).RootElement;
        Assert.Equal(expected.GetProperty("columns").GetRawText(), actual.GetProperty("columns").GetRawText());
    }
}
