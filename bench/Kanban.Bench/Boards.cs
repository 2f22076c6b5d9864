using System.Text.Json;
using Kanban.Client;

namespace Kanban.Bench;

/// <summary>The GraphQL operations the benchmark sends (the contract's names).</summary>
public static class Gql
{
    public const string CreateBoard = "mutation($n: String!) { createBoard(input: { name: $n }) { id } }";
    public const string CreateColumn = "mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }";
    public const string CreateTask =
        "mutation($c: ID!, $t: String!, $d: String) { createTask(input: { columnId: $c, title: $t, description: $d }) { id columnId version } }";
    public const string MoveTask =
        "mutation($id: ID!, $c: ID!, $i: Int) { moveTask(input: { id: $id, columnId: $c, index: $i }) { id columnId version } }";
    public const string UpdateTitle = "mutation($id: ID!, $t: String) { updateTask(input: { id: $id, title: $t }) { id version } }";
    public const string AddMember = "mutation($b: ID!, $e: String!, $r: Role!) { addMember(boardId: $b, email: $e, role: $r) { role } }";
    public const string Seq = "query($id: ID!) { board(id: $id) { seq } }";

    public const string CreateLabel =
        "mutation($b: ID!, $n: String!, $c: LabelColor!) { createLabel(input: { boardId: $b, name: $n, color: $c }) { id } }";
    public const string Detail =
        "mutation($id: ID!, $d: String, $l: [ID!], $a: [ID!]) { updateTask(input: { id: $id, dueDate: $d, addLabelIds: $l, addAssigneeIds: $a }) { id version } }";
    public const string AddChecklistItem =
        "mutation($t: ID!, $x: String!) { addChecklistItem(input: { taskId: $t, text: $x }) { id } }";

    public const string TaskFields = "id boardId columnId title description rank version createdAt updatedAt createdBy { id name } "
        + "dueDate labelIds assigneeIds commentCount checklist { id taskId text done rank }";

    /// <summary>The whole board, every field a client keeps (what a page load asks for).</summary>
    public const string Board = $$"""
        query($id: ID!) { board(id: $id) { id name seq
          columns { id boardId name rank tasks { {{TaskFields}} } }
          members { role email user { id name } }
          labels { id boardId name color } } }
        """;

    public const string Events =
        "query($b: ID!, $a: Long!, $f: Int) { boardEvents(boardId: $b, afterSeq: $a, first: $f) { hasMore resetRequired events { seq payload } } }";
}

/// <summary>What a writer knows of a task: where it is and its version (from the answers to its own moves).</summary>
public sealed class TaskState(string id, string columnId, int version)
{
    public string Id { get; } = id;
    public string ColumnId { get; set; } = columnId;
    public int Version { get; set; } = version;
}

/// <summary>What every task of a created board carries besides its title and description.</summary>
public sealed record TaskDetail(int Labels, IReadOnlyList<BenchUser> Members, int ChecklistItems);

public sealed record BoardSetup(string Id, IReadOnlyList<string> Columns, List<TaskState> Tasks);

public static class Boards
{
    /// <summary>A new board with <paramref name="columns"/> columns and <paramref name="tasks"/> tasks spread over them round-robin.</summary>
    public static async Task<BoardSetup> CreateBoardAsync(
        this BenchUser owner, string name, int columns, int tasks, CancellationToken ct,
        int descriptionChars = 0, int concurrency = 8, Action? onTask = null, TaskDetail? detail = null)
    {
        var board = (await owner.GraphQLAsync(Gql.CreateBoard, new { n = name }, ct: ct)).GetProperty("createBoard").GetProperty("id").GetString()!;
        var labels = new List<string>();
        for (var l = 0; l < (detail?.Labels ?? 0); l++)
        {
            var label = await owner.GraphQLAsync(Gql.CreateLabel, new { b = board, n = $"Label {l + 1}", c = LabelColors[l % LabelColors.Length] }, ct: ct);
            labels.Add(label.GetProperty("createLabel").GetProperty("id").GetString()!);
        }
        var assignees = new List<string> { owner.Id };
        foreach (var member in detail?.Members ?? [])
        {
            await owner.AddMemberAsync(board, member, "EDITOR", ct);
            assignees.Add(member.Id);
        }
        var columnIds = new List<string>();
        for (var c = 0; c < Math.Max(1, columns); c++)
        {
            var column = await owner.GraphQLAsync(Gql.CreateColumn, new { b = board, n = $"Column {c + 1}" }, ct: ct);
            columnIds.Add(column.GetProperty("createColumn").GetProperty("id").GetString()!);
        }
        var description = descriptionChars > 0 ? new string('x', descriptionChars) : null;
        var created = new TaskState[tasks];
        await Parallel.ForAsync(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct },
            async (i, token) =>
            {
                var task = (await owner.GraphQLAsync(Gql.CreateTask,
                    new { c = columnIds[i % columnIds.Count], t = $"Task {i + 1}", d = description }, ct: token)).GetProperty("createTask");
                var id = task.GetProperty("id").GetString()!;
                var version = task.GetProperty("version").GetInt32();
                if (detail is not null)
                    version = await AddDetailAsync(owner, id, i, detail, labels, assignees, token);
                created[i] = new TaskState(id, task.GetProperty("columnId").GetString()!, version);
                onTask?.Invoke();
            });
        return new BoardSetup(board, columnIds, created.ToList());
    }

    private static readonly string[] LabelColors = ["RED", "ORANGE", "YELLOW", "GREEN", "TEAL", "BLUE", "PURPLE", "PINK", "GRAY"];

    /// <summary>
    /// What a task of a team's board carries: two labels, one or two assignees, a due date and a
    /// checklist. Answers the task's version after it.
    /// </summary>
    private static async Task<int> AddDetailAsync(BenchUser owner, string taskId, int i, TaskDetail detail,
        List<string> labels, List<string> assignees, CancellationToken ct)
    {
        var taskLabels = labels.Count == 0 ? [] : new[] { labels[i % labels.Count], labels[(i + 1) % labels.Count] }.Distinct().ToArray();
        var taskAssignees = assignees.Skip(i % assignees.Count).Take(1 + i % 2).ToArray();
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(i % 30 - 10).ToString("yyyy-MM-dd");
        var updated = await owner.GraphQLAsync(Gql.Detail, new { id = taskId, d = due, l = taskLabels, a = taskAssignees }, ct: ct);
        for (var c = 0; c < detail.ChecklistItems; c++)
            await owner.GraphQLAsync(Gql.AddChecklistItem, new { t = taskId, x = $"Step {c + 1}" }, ct: ct);
        return updated.GetProperty("updateTask").GetProperty("version").GetInt32();
    }

    public static Task AddMemberAsync(this BenchUser owner, string boardId, BenchUser member, string role, CancellationToken ct) =>
        owner.GraphQLAsync(Gql.AddMember, new { b = boardId, e = member.Email, r = role }, ct: ct);

    public static async Task<long> SeqAsync(this BenchUser user, string boardId, CancellationToken ct = default) =>
        (await user.GraphQLAsync(Gql.Seq, new { id = boardId }, ct: ct)).GetProperty("board").GetProperty("seq").GetInt64();

    public static async Task<JsonElement> BoardAsync(this BenchUser user, string boardId, CancellationToken ct = default) =>
        (await user.GraphQLAsync(Gql.Board, new { id = boardId }, ct: ct)).GetProperty("board");

    /// <summary>Every logged event after <paramref name="afterSeq"/> (each the pushed object), page by page.</summary>
    public static async Task<IReadOnlyList<JsonElement>> EventsAfterAsync(this BenchUser user, string boardId, long afterSeq)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var page = (await user.GraphQLAsync(Gql.Events, new { b = boardId, a = afterSeq, f = 1000 })).GetProperty("boardEvents");
            if (page.GetProperty("resetRequired").GetBoolean())
                throw new InvalidOperationException($"boardEvents after {afterSeq}: reset required");
            foreach (var e in page.GetProperty("events").EnumerateArray())
            {
                events.Add(e.GetProperty("payload"));
                afterSeq = e.GetProperty("seq").GetInt64();
            }
            if (!page.GetProperty("hasMore").GetBoolean())
                return events;
        }
    }

    /// <summary>Empty when equal; otherwise where two canonical boards first differ, with a little context.</summary>
    public static string Difference(string replica, string board)
    {
        if (replica == board)
            return "";
        var i = 0;
        while (i < replica.Length && i < board.Length && replica[i] == board[i])
            i++;
        string Around(string s) => s.Substring(Math.Max(0, i - 60), Math.Min(s.Length, i + 60) - Math.Max(0, i - 60));
        return $"first difference at character {i}: replica …{Around(replica)}… board query …{Around(board)}…";
    }

    /// <summary>
    /// Keeps the connection's <see cref="BoardConnection.Received"/> queue empty: the benchmark reads
    /// events in <see cref="BoardConnection.OnEvent"/>, and the queue would otherwise hold every one.
    /// </summary>
    public static void DiscardQueue(this BoardConnection connection) => _ = Task.Run(async () =>
    {
        var reader = connection.Received;
        while (await reader.WaitToReadAsync())
            while (reader.TryRead(out _))
            {
            }
    });
}
