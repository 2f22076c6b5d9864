using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Search;

public sealed class TaskReadTestsOnSqlite(SqliteServer f) : TaskReadTests(f), IClassFixture<SqliteServer>;

public sealed class TaskReadTestsOnPostgres(PostgresServer f) : TaskReadTests(f), IClassFixture<PostgresServer>;

/// <summary>The task and myTasks queries, and what a non-member sees through all three reads.</summary>
public abstract class TaskReadTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task TaskAnswersAMemberWithTheSameTaskTheBoardShows()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var id = await ana.TaskIdAsync(todo, "Read me", "details");
        await ana.AddMemberAsync(board, ben, "VIEWER");

        var onBoard = (await ben.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks")[0];
        Assert.Equal(onBoard.GetRawText(), (await ben.TaskAsync(id)).GetRawText());
    }

    [Fact]
    public async Task EveryTaskOnTheBoardHoldsTheSamePartsTheTaskQueryShowsAndATrashedOnesStayOff()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var bug = (await ana.CreateLabelAsync(board, "Bug")).Str("id");
        var ux = (await ana.CreateLabelAsync(board, "UX", "GREEN")).Str("id");
        var a = await ana.TaskIdAsync(todo, "A");
        var b = await ana.TaskIdAsync(todo, "B");
        var trashed = await ana.TaskIdAsync(todo, "C");

        await ana.UpdateTaskAsync(new { id = a, addLabelIds = new[] { bug, ux }, addAssigneeIds = new[] { ana.UserId, ben.UserId } });
        var items = new List<string>();
        foreach (var text in new[] { "one", "two", "three" })
            items.Add((await ana.AddItemAsync(a, text)).Str("id"));
        await ana.DataAsync("mutation($i: MoveChecklistItemInput!) { moveChecklistItem(input: $i) { id } }", new { i = new { id = items[2], index = 0 } });
        await ben.DataAsync("mutation($i: UpdateChecklistItemInput!) { updateChecklistItem(input: $i) { id } }", new { i = new { id = items[1], done = true } });
        await ben.UpdateTaskAsync(new { id = b, addLabelIds = new[] { ux }, addAssigneeIds = new[] { ben.UserId } });
        await ana.UpdateTaskAsync(new { id = trashed, addLabelIds = new[] { bug }, addAssigneeIds = new[] { ana.UserId } });
        await ana.AddItemAsync(trashed, "gone with it");
        await ana.DataAsync("mutation($id: ID!) { deleteTask(id: $id) { id } }", new { id = trashed });

        var onBoard = (await ben.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal([a, b], onBoard.Select(t => t.Str("id")));
        foreach (var task in onBoard)
            Assert.Equal((await ben.TaskAsync(task.Str("id"))).GetRawText(), task.GetRawText());
        Assert.Equal(["three", "one", "two"], onBoard[0].GetProperty("checklist").EnumerateArray().Select(i => i.Str("text")));
        Assert.Equal(2, onBoard[0].GetProperty("labelIds").GetArrayLength());
    }

    [Fact]
    public async Task TaskIsNullForANonMemberAndForAnUnknownIdAlike()
    {
        var ana = await _server.SignUpAsync("ana");
        var eve = await _server.SignUpAsync("eve");
        var id = await ana.TaskIdAsync(await ana.CreateColumnAsync(await ana.CreateBoardAsync(), "Todo"), "Private");

        var theirs = await eve.SendAsync(TaskQueries.One, new { id });
        var missing = await eve.SendAsync(TaskQueries.One, new { id = Guid.NewGuid().ToString() });

        Assert.Equal(JsonValueKind.Null, theirs.Data.GetProperty("task").ValueKind);
        Assert.Equal((missing.Status, missing.Data.GetRawText(), missing.Errors.Length), (theirs.Status, theirs.Data.GetRawText(), theirs.Errors.Length));
        Assert.Equal("VALIDATION", (await eve.FailAsync(TaskQueries.One, new { id = "not-a-uuid" })).Code);
    }

    [Fact]
    public async Task MyTasksComeEarliestDueDateFirstThenUndatedInTheOrderTheyWereMade()
    {
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var first = await ana.CreateBoardAsync("First");
        var second = await ana.CreateBoardAsync("Second");
        await ana.AddMemberAsync(second, ben, "EDITOR");
        var a = await ana.CreateColumnAsync(first, "Todo");
        var b = await ana.CreateColumnAsync(second, "Todo");

        async Task<string> Task(string column, string title, string? due, params Api[] assignees)
        {
            var id = await ana.TaskIdAsync(column, title);
            await _server.SetDueDateAsync(ana, id, due);
            foreach (var user in assignees)
                await _server.AssignAsync(ana, id, user);
            return id;
        }
        await Task(a, "undated one", null, ana);
        await Task(b, "due in March", "2027-03-01", ana, ben);
        await Task(a, "due in January", "2027-01-15", ana);
        await Task(b, "undated two", null, ana);
        await Task(a, "not mine", "2026-12-01");
        await Task(b, "ben's only", "2026-12-02", ben);
        await Task(b, "due in February", "2027-02-10", ana);

        Assert.Equal(["due in January", "due in February", "due in March", "undated one", "undated two"], await ana.MyTasksAsync());
        Assert.Equal(["ben's only", "due in March"], await ben.MyTasksAsync());
        Assert.Equal(["due in January", "due in February"], await ana.MyTasksAsync(first: 2));
    }

    [Fact]
    public async Task MyTasksBoundsFirst()
    {
        var ana = await _server.SignUpAsync("ana");
        Assert.Empty(await ana.MyTasksAsync(first: 500));
        foreach (var first in new[] { 0, 501 })
        {
            var result = await ana.FailAsync(TaskQueries.Mine, new { f = first });
            Assert.Equal(("VALIDATION", "first"), (result.Code, result.Field));
        }
    }

    [Fact]
    public async Task ANonMemberSeesNothingThroughAnyOfTheThree()
    {
        var ana = await _server.SignUpAsync("ana");
        var eve = await _server.SignUpAsync("eve");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, eve, "EDITOR");
        var id = await eve.TaskIdAsync(await ana.CreateColumnAsync(board, "Todo"), "Secret plan");
        await _server.AssignAsync(ana, id, eve);
        await _server.AddCommentAsync(eve, id, "confidential");
        Assert.Equal(["Secret plan"], await eve.MyTasksAsync());

        // Eve is removed. Whether her assignment goes with her is the write side's business: these
        // reads go by membership alone.
        await ana.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { success } }", new { b = board, u = eve.UserId });

        Assert.Equal(JsonValueKind.Null, (await eve.TaskAsync(id)).ValueKind);
        Assert.Empty(await eve.MyTasksAsync());
        Assert.Empty(await eve.SearchAsync("secret"));
        Assert.Empty(await eve.SearchAsync("confidential"));
        Assert.Empty(await eve.SearchAsync("secret", board));
    }
}
