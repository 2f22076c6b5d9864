using System.Collections.Concurrent;
using System.Diagnostics;
using Kanban.Client;

namespace Kanban.Tests.Support;

/// <summary>Changes of every kind to one board, chosen at random from what a person's own view of it shows.</summary>
public static class RandomChanges
{
    public sealed record Outcome(int Changed, int Refused);

    /// <summary>
    /// A person acting on what their own board shows: create, edit, move within and across
    /// columns, delete and restore, and column create, rename, move, delete and restore; labels, assignees and due
    /// dates; checklist items; comments (their own to edit and delete). A change can lose a race
    /// with someone else's (the task, column, label or item is gone): that is refused and changes nothing.
    /// </summary>
    /// <param name="sentAt">When each change was sent, by its client ID (the event's origin).</param>
    /// <param name="afterEach">Called after each change, refused or not.</param>
    public static async Task<Outcome> MakeAsync(Api api, BoardFeed view, string board, int count, int seed,
        ConcurrentDictionary<string, long>? sentAt = null, Func<Task>? afterEach = null)
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
            sentAt?[api.ClientId] = Stopwatch.GetTimestamp();
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
            if (afterEach is not null)
                await afterEach();
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
