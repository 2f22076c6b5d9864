using Kanban.Client;
using Kanban.Tests.Support;
using Xunit.Abstractions;

namespace Kanban.Tests.Boards;

/// <summary>
/// A board loads in a fixed handful of queries however many tasks it has and whatever they hold
/// (labels, assignees, checklists, comments): never a query per task.
/// </summary>
public sealed class BoardLoadTests(ITestOutputHelper output)
{
    private const string BoardWithNames = """
        query($id: ID!) { board(id: $id) { id seq labels { id name color }
          columns { id tasks { id dueDate labelIds assigneeIds commentCount checklist { id text done rank }
                               labels { name color } assignees { name } } } } }
        """;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task TheBoardQueryAndTheSnapshotReadAsManyRowsWithNoMoreQueries(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var commands = new CommandCounter();
        await using var server = new KanbanServer(db, services: commands.AddTo);
        var ana = await server.SignUpAsync("ana");
        var ben = await server.SignUpAsync("ben");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, ben, "EDITOR");
        var labels = new[] { (await ana.CreateLabelAsync(board, "Bug")).Str("id"), (await ana.CreateLabelAsync(board, "UX")).Str("id") };
        var columns = new[] { await ana.CreateColumnAsync(board, "Todo"), await ana.CreateColumnAsync(board, "Done") };

        async Task AddTasksAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var task = (await ana.CreateTaskAsync(columns[i % 2], $"Task {i}")).Str("id");
                await ana.UpdateTaskAsync(new { id = task, dueDate = "2030-01-01", addLabelIds = labels, addAssigneeIds = new[] { ana.UserId, ben.UserId } });
                var items = string.Join(" ", Enumerable.Range(0, 5).Select(n => $"i{n}: addChecklistItem(input: {{ taskId: $t, text: \"step {n}\" }}) {{ id }}"));
                await ana.DataAsync($"mutation($t: ID!) {{ {items} }}", new { t = task });
                await ben.AddCommentAsync(task, "noted");
            }
        }

        async Task<(int Query, int Snapshot)> ReadOnceAsync()
        {
            var before = commands.Count;
            var answer = await ana.DataAsync(BoardWithNames, new { id = board });
            Assert.Equal("Bug", answer.GetProperty("board").GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("labels")[0].Str("name"));
            var afterQuery = commands.Count;
            await using var connection = await server.ConnectAsync(ana);
            var joined = await connection.JoinAsync(board, null);
            Assert.Equal(5, joined.GetProperty("snapshot").GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("checklist").GetArrayLength());
            return (afterQuery - before, commands.Count - afterQuery);
        }

        // The counter sees every command of the server, and now and then one that is not the
        // read's own lands inside it (the session check re-reading a stamp once its cache entry
        // expires, a background job): the fewest of three reads is the read's own count.
        async Task<(int Query, int Snapshot)> CommandsAsync()
        {
            var reads = new List<(int Query, int Snapshot)>();
            for (var i = 0; i < 3; i++)
                reads.Add(await ReadOnceAsync());
            return (reads.Min(r => r.Query), reads.Min(r => r.Snapshot));
        }

        await AddTasksAsync(2);
        var few = await CommandsAsync();
        await AddTasksAsync(8);
        var more = await CommandsAsync();

        output.WriteLine($"{kind}: the board query ran {more.Query} commands, JoinBoard's snapshot {more.Snapshot}, with 2 tasks as with 10");
        Assert.Equal(few, more);
        Assert.True(more.Query <= 12, $"the board query ran {more.Query} commands");
    }
}
