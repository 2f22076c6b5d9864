using System.Collections.Concurrent;
using System.Diagnostics;
using Kanban.Client;
using Kanban.Tests.Support;
using Xunit.Abstractions;

namespace Kanban.Tests.Realtime;

public sealed class ConvergenceTestsOnSqlite(SqliteServer f, ITestOutputHelper o) : ConvergenceTests(f, o), IClassFixture<SqliteServer>;

public sealed class ConvergenceTestsOnPostgres(PostgresServer f, ITestOutputHelper o) : ConvergenceTests(f, o), IClassFixture<PostgresServer>;

/// <summary>
/// Several people change one board at once; every connection's replica, fed only by pushed
/// events (and the log for gaps), ends equal to the board query, in the same order.
/// </summary>
public abstract class ConvergenceTests(ServerFixture fixture, ITestOutputHelper output)
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task ConcurrentChangesConvergeOnEveryConnection()
    {
        const int mutationsEach = 130;
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var cat = await _server.SignUpAsync("cat");
        var board = await ana.CreateBoardAsync("Together");
        await ana.AddMemberAsync(board, ben, "EDITOR");
        await ana.AddMemberAsync(board, cat, "EDITOR");
        for (var i = 0; i < 3; i++)
            await ana.CreateColumnAsync(board, $"Column {i}");

        // Four connections of three users: ana has two tabs.
        var users = new[] { ana, ana, ben, cat };
        var connections = new List<BoardConnection>();
        var feeds = new List<BoardFeed>();
        var sentAt = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        foreach (var user in users)
        {
            var connection = await _server.ConnectAsync(user);
            var feed = await connection.FollowAsync(user, board);
            var follow = connection.OnEvent!;
            connection.OnEvent = e =>
            {
                var now = Stopwatch.GetTimestamp();
                if (e.TryGetProperty("origin", out var origin) && origin.GetString() is { } o && sentAt.TryGetValue(o, out var sent))
                    latencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                follow(e);
            };
            connections.Add(connection);
            feeds.Add(feed);
        }

        var writers = new[] { (ana, feeds[0]), (ben, feeds[2]), (cat, feeds[3]) };
        var outcomes = await Task.WhenAll(writers.Select((w, i) => ChangeRandomlyAsync(w.Item1, w.Item2, board, mutationsEach, i, sentAt)));
        output.WriteLine($"{fixture.Kind}: {outcomes.Sum(o => o.Changed)} changes, {outcomes.Sum(o => o.Refused)} refused by a concurrent change");

        var final = await ana.BoardAsync(board);
        var seq = final.GetProperty("seq").GetInt64();
        await Task.WhenAll(feeds.Select(f => f.WaitForSeqAsync(seq, Live.Timeout)));
        var expected = BoardReplica.Canonical(final);
        foreach (var feed in feeds)
            Assert.Equal(expected, feed.Read(r => r.Canonical()));

        var sorted = latencies.Order().ToList();
        output.WriteLine($"{fixture.Kind}: delivery latency over {sorted.Count} receipts: median {sorted[sorted.Count / 2]:F1} ms, " +
                         $"p99 {sorted[(int)(sorted.Count * 0.99)]:F1} ms, max {sorted[^1]:F1} ms; gaps filled from the log: {feeds.Sum(f => f.GapsFilled)}");
        foreach (var connection in connections)
            await connection.DisposeAsync();
    }

    private sealed record Outcome(int Changed, int Refused);

    /// <summary>
    /// A person acting on what their own board shows: create, edit, move within and across
    /// columns, delete and restore, and column create, rename, move, delete and restore; labels, assignees and due
    /// dates; checklist items; comments (their own to edit and delete). A change can lose a race
    /// with someone else's (the task, column, label or item is gone): that is refused and changes nothing.
    /// </summary>
    private static async Task<Outcome> ChangeRandomlyAsync(Api api, BoardFeed view, string board, int count, int seed,
        ConcurrentDictionary<string, long> sentAt)
    {
        var random = new Random(seed);
        var myComments = new List<string>();
        List<string> myDeletedTasks = [], myDeletedColumns = [];
        int changed = 0, refused = 0;
        T Any<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string[] Some(IReadOnlyList<string> ids) => ids.Where(_ => random.Next(3) == 0).ToArray();

        for (var i = 0; i < count; i++)
        {
            var (columns, tasks, labels, items, members) = view.Read(r => (r.ColumnIds, r.Tasks, r.LabelIds, r.ChecklistItems, r.MemberIds));
            var roll = random.Next(160);
            api.ClientId = $"{seed}-{i}";
            sentAt[api.ClientId] = Stopwatch.GetTimestamp();
            var result = (roll, columns.Count, tasks.Count) switch
            {
                (_, < 2, _) or (< 8, < 6, _) => await api.SendAsync("mutation($b: ID!, $n: String!, $i: Int) { createColumn(input: { boardId: $b, name: $n, index: $i }) { id } }",
                    new { b = board, n = $"Column {seed}-{i}", i = random.Next(0, 4) }),
                (< 11, _, _) => await api.SendAsync("mutation($id: ID!, $n: String!) { updateColumn(input: { id: $id, name: $n }) { id } }",
                    new { id = Any(columns), n = $"Renamed {seed}-{i}" }),
                (< 14, _, _) => await api.SendAsync("mutation($id: ID!, $i: Int) { moveColumn(input: { id: $id, index: $i }) { id } }",
                    new { id = Any(columns), i = random.Next(0, columns.Count) }),
                (< 16, > 3, _) => await DeleteAsync(api, "deleteColumn", Any(columns), myDeletedColumns),
                (< 18, _, _) when myDeletedColumns.Count > 0 => await api.SendAsync("mutation($id: ID!) { restoreColumn(id: $id) { id } }",
                    new { id = Any(myDeletedColumns) }),
                (_, _, 0) or (< 50, _, _) => await api.SendAsync("mutation($c: ID!, $t: String!, $i: Int) { createTask(input: { columnId: $c, title: $t, index: $i }) { id } }",
                    new { c = Any(columns), t = $"Task {seed}-{i}", i = random.Next(0, 10) }),
                (< 65, _, _) => await api.SendAsync("mutation($id: ID!, $t: String!) { updateTask(input: { id: $id, title: $t }) { id } }",
                    new { id = Any(tasks).Id, t = $"Edited {seed}-{i}" }),
                (< 90, _, _) => await api.SendAsync("mutation($id: ID!, $c: ID!, $i: Int) { moveTask(input: { id: $id, columnId: $c, index: $i }) { id } }",
                    new { id = Any(tasks).Id, c = Any(columns), i = random.Next(0, 10) }),
                (< 95, _, _) => await DeleteAsync(api, "deleteTask", Any(tasks).Id, myDeletedTasks),
                (< 100, _, _) when myDeletedTasks.Count > 0 => await api.SendAsync("mutation($id: ID!) { restoreTask(id: $id) { id } }",
                    new { id = Any(myDeletedTasks) }),
                (< 105, _, _) when labels.Count < 8 || roll < 102 => await api.SendAsync(
                    "mutation($b: ID!, $n: String!, $c: LabelColor!) { createLabel(input: { boardId: $b, name: $n, color: $c }) { id } }",
                    new { b = board, n = $"Label {seed}-{i}", c = Colors[random.Next(Colors.Length)] }),
                (< 108, _, _) when labels.Count > 0 => await api.SendAsync(
                    "mutation($id: ID!, $n: String, $c: LabelColor) { updateLabel(input: { id: $id, name: $n, color: $c }) { id } }",
                    new { id = Any(labels), n = random.Next(2) == 0 ? $"Relabelled {seed}-{i}" : null, c = Colors[random.Next(Colors.Length)] }),
                (< 110, _, _) when labels.Count > 2 => await api.SendAsync("mutation($id: ID!) { deleteLabel(id: $id) { id } }", new { id = Any(labels) }),
                (< 122, _, _) => await api.SendAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }",
                    new { i = new { id = Any(tasks).Id, addLabelIds = Some(labels), removeLabelIds = Array.Empty<string>(),
                        addAssigneeIds = Some(members), removeAssigneeIds = Array.Empty<string>() } }),
                (< 126, _, _) => await api.SendAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }",
                    new { i = new { id = Any(tasks).Id, removeLabelIds = Some(labels), removeAssigneeIds = Some(members) } }),
                (< 130, _, _) => await api.SendAsync("mutation($id: ID!, $d: String) { updateTask(input: { id: $id, dueDate: $d }) { id } }",
                    new { id = Any(tasks).Id, d = random.Next(4) == 0 ? null : $"2030-0{random.Next(1, 10)}-1{random.Next(10)}" }),
                (_, _, _) when items.Count == 0 || roll < 140 => await api.SendAsync(
                    "mutation($t: ID!, $x: String!, $i: Int) { addChecklistItem(input: { taskId: $t, text: $x, index: $i }) { id } }",
                    new { t = Any(tasks).Id, x = $"Step {seed}-{i}", i = random.Next(0, 4) }),
                (< 145, _, _) => await api.SendAsync("mutation($id: ID!, $x: String, $d: Boolean) { updateChecklistItem(input: { id: $id, text: $x, done: $d }) { id } }",
                    new { id = Any(items).ItemId, x = random.Next(2) == 0 ? $"Step {seed}-{i}!" : null, d = random.Next(2) == 0 }),
                (< 149, _, _) => await api.SendAsync("mutation($id: ID!, $i: Int) { moveChecklistItem(input: { id: $id, index: $i }) { id } }",
                    new { id = Any(items).ItemId, i = random.Next(0, 4) }),
                (< 151, _, _) => await api.SendAsync("mutation($id: ID!) { deleteChecklistItem(id: $id) { id } }", new { id = Any(items).ItemId }),
                (_, _, _) when myComments.Count == 0 || roll < 156 => await AddCommentAsync(api, Any(tasks).Id, $"Comment {seed}-{i}", myComments),
                (< 158, _, _) => await api.SendAsync("mutation($id: ID!, $b: String!) { editComment(input: { id: $id, body: $b }) { id } }",
                    new { id = Any(myComments), b = $"Edited comment {seed}-{i}" }),
                _ => await api.SendAsync("mutation($id: ID!) { deleteComment(id: $id) { id } }", new { id = Any(myComments) }),
            };
            if (result.Errors.Length == 0)
                changed++;
            else if (result.Code is "NOT_FOUND" or "VALIDATION")
                refused++; // lost a race: the item, its task or the target column was deleted meanwhile (or a list is full)
            else
                Assert.Fail($"unexpected error {result.Errors[0]}");
        }
        return new Outcome(changed, refused);
    }

    private static readonly string[] Colors = ["GRAY", "RED", "ORANGE", "YELLOW", "GREEN", "TEAL", "BLUE", "PURPLE", "PINK"];

    /// <summary>Deletes a task or column, noting it for a later restore (of something perhaps restored meanwhile: a no-op).</summary>
    private static async Task<GraphQLResult> DeleteAsync(Api api, string mutation, string id, List<string> deleted)
    {
        var result = await api.SendAsync($"mutation($id: ID!) {{ {mutation}(id: $id) {{ id }} }}", new { id });
        if (result.Errors.Length == 0)
            deleted.Add(id);
        return result;
    }

    private static async Task<GraphQLResult> AddCommentAsync(Api api, string taskId, string body, List<string> mine)
    {
        var result = await api.SendAsync("mutation($t: ID!, $b: String!) { addComment(input: { taskId: $t, body: $b }) { id } }", new { t = taskId, b = body });
        if (result.Errors.Length == 0)
            mine.Add(result.Data.GetProperty("addComment").GetProperty("id").GetString()!);
        return result;
    }
}
