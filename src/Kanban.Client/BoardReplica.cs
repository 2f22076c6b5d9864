using System.Text.Json;
using System.Text.Json.Nodes;
using Kanban.Contract;

namespace Kanban.Client;

/// <summary>
/// A client's copy of one board, built from a snapshot (the board query's shape) plus events
/// applied strictly in seq order, the way every client keeps its board. Tests compare its
/// <see cref="Canonical"/> form with the server's board query.
/// </summary>
public sealed class BoardReplica
{
    private readonly Dictionary<string, JsonObject> _columns = [];
    private readonly Dictionary<string, JsonObject> _tasks = [];
    private readonly Dictionary<string, JsonObject> _members = [];
    private readonly Dictionary<string, JsonObject> _labels = [];

    private BoardReplica(string id, string name, long seq) => (Id, Name, Seq) = (id, name, seq);

    public string Id { get; }
    public string Name { get; private set; }
    public long Seq { get; private set; }
    public bool Deleted { get; private set; }

    public static BoardReplica FromSnapshot(JsonElement board)
    {
        var replica = new BoardReplica(board.Str("id"), board.Str("name"), board.GetProperty("seq").GetInt64());
        foreach (var column in board.GetProperty("columns").EnumerateArray())
        {
            foreach (var task in column.GetProperty("tasks").EnumerateArray())
                replica._tasks[task.Str("id")] = Node(task);
            replica.AddColumn(column);
        }
        foreach (var member in board.GetProperty("members").EnumerateArray())
            replica._members[member.GetProperty("user").Str("id")] = Node(member);
        foreach (var label in board.GetProperty("labels").EnumerateArray())
            replica._labels[label.Str("id")] = Node(label);
        return replica;
    }

    /// <summary>Applies the next event; anything but seq + 1 is a bug in whoever feeds it.</summary>
    public void Apply(JsonElement e)
    {
        var seq = e.GetProperty("seq").GetInt64();
        if (seq != Seq + 1)
            throw new InvalidOperationException($"event {seq} applied at seq {Seq}");
        Seq = seq;
        if (!Handlers.TryGetValue(e.Str("type"), out var apply))
            throw new InvalidOperationException($"unknown event {e.Str("type")}");
        apply(this, e);
    }

    /// <summary>The events a replica applies: every logged event of the contract.</summary>
    public static IReadOnlyCollection<string> AppliedEvents => Handlers.Keys;

    // One handler per event of the contract, each reading its event's record.
    private static readonly Dictionary<string, Action<BoardReplica, JsonElement>> Handlers = new()
    {
        [TaskCreated.Name] = (r, e) =>
        {
            var created = Read<TaskCreated>(e);
            r._tasks[Key(created.Task.Id)] = Node(created.Task);
        },
        [TaskUpdated.Name] = (r, e) =>
        {
            var updated = Read<TaskUpdated>(e);
            var task = r._tasks[Key(updated.TaskId)];
            if (updated.Updates.Title is { } title)
                task["title"] = title;
            if (updated.Updates.Description is { } description)
                task["description"] = description;
            if (updated.Updates.DueDate is { } dueDate)
                task["dueDate"] = Value(dueDate.Value);
            if (updated.Updates.LabelIds is { } labelIds)
                task["labelIds"] = Value(labelIds);
            if (updated.Updates.AssigneeIds is { } assigneeIds)
                task["assigneeIds"] = Value(assigneeIds);
            task["updatedAt"] = Value(updated.Updates.UpdatedAt);
            task["version"] = updated.Version;
        },
        [TaskMoved.Name] = (r, e) =>
        {
            var moved = Read<TaskMoved>(e);
            var task = r._tasks[Key(moved.TaskId)];
            task["columnId"] = Key(moved.ToColumn);
            task["rank"] = moved.Rank;
            task["version"] = moved.Version;
            task["updatedAt"] = Value(moved.UpdatedAt);
        },
        [TaskRestored.Name] = (r, e) =>
        {
            var restored = Read<TaskRestored>(e);
            r._tasks[Key(restored.Task.Id)] = Node(restored.Task);
        },
        [TaskDeleted.Name] = (r, e) => r._tasks.Remove(Key(Read<TaskDeleted>(e).TaskId)),
        [TasksReranked.Name] = (r, e) =>
        {
            foreach (var rank in Read<TasksReranked>(e).Ranks)
                r._tasks[Key(rank.TaskId)]["rank"] = rank.Rank;
        },
        [ColumnCreated.Name] = (r, e) => r.AddColumn(Read<ColumnCreated>(e).Column),
        [ColumnUpdated.Name] = (r, e) =>
        {
            var updated = Read<ColumnUpdated>(e);
            r._columns[Key(updated.ColumnId)]["name"] = updated.Updates.Name;
        },
        [ColumnMoved.Name] = (r, e) =>
        {
            var moved = Read<ColumnMoved>(e);
            r._columns[Key(moved.ColumnId)]["rank"] = moved.Rank;
        },
        [ColumnDeleted.Name] = (r, e) =>
        {
            var columnId = Key(Read<ColumnDeleted>(e).ColumnId);
            r._columns.Remove(columnId);
            foreach (var id in r._tasks.Where(t => (string?)t.Value["columnId"] == columnId).Select(t => t.Key).ToList())
                r._tasks.Remove(id);
        },
        [ColumnRestored.Name] = (r, e) =>
        {
            var column = Read<ColumnRestored>(e).Column;
            foreach (var task in column.Tasks ?? [])
                r._tasks[Key(task.Id)] = Node(task);
            r.AddColumn(column);
        },
        [ColumnsReranked.Name] = (r, e) =>
        {
            foreach (var rank in Read<ColumnsReranked>(e).Ranks)
                r._columns[Key(rank.ColumnId)]["rank"] = rank.Rank;
        },
        [BoardUpdated.Name] = (r, e) => r.Name = Read<BoardUpdated>(e).Updates.Name,
        [BoardDeleted.Name] = (r, _) => r.Deleted = true,
        [MemberAdded.Name] = (r, e) =>
        {
            var added = Read<MemberAdded>(e);
            r._members[added.Member.User.Id] = Node(added.Member);
        },
        [MemberRemoved.Name] = (r, e) =>
        {
            // A member who goes is off every task of the board too; no task event says so.
            var userId = Read<MemberRemoved>(e).UserId;
            r._members.Remove(userId);
            foreach (var task in r._tasks.Values)
                Without(task, "assigneeIds", userId);
        },
        [LabelCreated.Name] = (r, e) =>
        {
            var created = Read<LabelCreated>(e);
            r._labels[Key(created.Label.Id)] = Node(created.Label);
        },
        [LabelUpdated.Name] = (r, e) =>
        {
            var updated = Read<LabelUpdated>(e);
            var label = r._labels[Key(updated.LabelId)];
            if (updated.Updates.Name is { } name)
                label["name"] = name;
            if (updated.Updates.Color is { } color)
                label["color"] = Value(color);
        },
        [LabelDeleted.Name] = (r, e) =>
        {
            // The label is off every task of the board too; no task event says so.
            var labelId = Key(Read<LabelDeleted>(e).LabelId);
            r._labels.Remove(labelId);
            foreach (var task in r._tasks.Values)
                Without(task, "labelIds", labelId);
        },
        [ChecklistItemCreated.Name] = (r, e) =>
        {
            var created = Read<ChecklistItemCreated>(e);
            r.Checklist(created.TaskId).Add(Node(created.Item));
        },
        [ChecklistItemUpdated.Name] = (r, e) =>
        {
            var updated = Read<ChecklistItemUpdated>(e);
            var item = r.ChecklistItem(updated.TaskId, updated.ItemId);
            if (updated.Updates.Text is { } text)
                item["text"] = text;
            if (updated.Updates.Done is { } done)
                item["done"] = done;
        },
        [ChecklistItemMoved.Name] = (r, e) =>
        {
            var moved = Read<ChecklistItemMoved>(e);
            r.ChecklistItem(moved.TaskId, moved.ItemId)["rank"] = moved.Rank;
        },
        [ChecklistItemDeleted.Name] = (r, e) =>
        {
            var deleted = Read<ChecklistItemDeleted>(e);
            r.Checklist(deleted.TaskId).Remove(r.ChecklistItem(deleted.TaskId, deleted.ItemId));
        },
        // A replica holds no comments (the board does not), only each task's count of them.
        [CommentCreated.Name] = (r, e) => r.CountComment(Read<CommentCreated>(e).TaskId, +1),
        [CommentUpdated.Name] = (_, _) => { },
        [CommentDeleted.Name] = (r, e) => r.CountComment(Read<CommentDeleted>(e).TaskId, -1),
    };

    private JsonArray Checklist(Guid taskId) => _tasks[Key(taskId)]["checklist"]!.AsArray();

    private JsonObject ChecklistItem(Guid taskId, Guid itemId) =>
        Checklist(taskId).Single(i => (string?)i!["id"] == Key(itemId))!.AsObject();

    private void CountComment(Guid taskId, int by)
    {
        var task = _tasks[Key(taskId)];
        task["commentCount"] = (int)task["commentCount"]! + by;
    }

    private static void Without(JsonObject task, string list, string id)
    {
        var ids = task[list]!.AsArray();
        if (ids.FirstOrDefault(x => (string?)x == id) is { } found)
            ids.Remove(found);
    }

    private static T Read<T>(JsonElement e) where T : IBoardEvent => e.Deserialize<T>(ContractJson.Options)!;

    private static JsonObject Node<T>(T view) => JsonSerializer.SerializeToNode(view, ContractJson.Options)!.AsObject();

    private static JsonNode Value<T>(T value) => JsonSerializer.SerializeToNode(value, ContractJson.Options)!;

    private static string Key(Guid id) => id.ToString();

    /// <summary>The board in the board query's shape (without emails) with a fixed order of keys and items, for comparison.</summary>
    public string Canonical()
    {
        var columns = new JsonArray(_columns.Values.OrderBy(c => (string)c["rank"]!, StringComparer.Ordinal).Select(c =>
        {
            var id = (string)c["id"]!;
            var tasks = _tasks.Values.Where(t => (string?)t["columnId"] == id)
                .OrderBy(t => (string)t["rank"]!, StringComparer.Ordinal).Select(CanonicalTask);
            var column = Sorted(c);
            column["tasks"] = new JsonArray(tasks.ToArray<JsonNode?>());
            return (JsonNode?)column;
        }).ToArray());
        // A member's email is for owners only and never travels in events, so it is no part of what replicas agree on.
        var members = new JsonArray(_members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m =>
        {
            var member = Sorted(m.Value);
            member.Remove("email");
            return (JsonNode?)member;
        }).ToArray());
        var labels = new JsonArray(_labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => (JsonNode?)Sorted(l.Value)).ToArray());
        var board = new JsonObject
        {
            ["id"] = Id, ["name"] = Name, ["seq"] = Seq, ["columns"] = columns, ["members"] = members, ["labels"] = labels,
        };
        return board.ToJsonString();
    }

    public static string Canonical(JsonElement board) => FromSnapshot(board).Canonical();

    public IReadOnlyList<string> ColumnIds => _columns.Keys.ToList();

    public IReadOnlyList<string> LabelIds => _labels.Keys.ToList();

    public IReadOnlyList<string> MemberIds => _members.Keys.ToList();

    /// <summary>The checklist items as (taskId, itemId), for a client choosing what to change.</summary>
    public IReadOnlyList<(string TaskId, string ItemId)> ChecklistItems => _tasks.Values
        .SelectMany(t => t["checklist"]!.AsArray().Select(i => ((string)t["id"]!, (string)i!["id"]!))).ToList();

    /// <summary>The tasks as (id, columnId), for a client choosing what to change.</summary>
    public IReadOnlyList<(string Id, string ColumnId)> Tasks => _tasks.Select(t => (t.Key, (string)t.Value["columnId"]!)).ToList();

    private void AddColumn(JsonElement column) => AddColumn(Node(column));

    private void AddColumn(ColumnView column) => AddColumn(Node(column));

    private void AddColumn(JsonObject column)
    {
        column.Remove("tasks"); // tasks are kept by ID, each naming its column
        _columns[(string)column["id"]!] = column;
    }

    private static JsonObject Node(JsonElement e) => JsonNode.Parse(e.GetRawText())!.AsObject();

    // Label and assignee IDs are sets (their order means nothing); the checklist is in rank order.
    private static JsonNode? CanonicalTask(JsonObject task)
    {
        var canonical = Sorted(task);
        foreach (var set in new[] { "labelIds", "assigneeIds" })
            canonical[set] = new JsonArray(task[set]!.AsArray().Select(x => (string)x!).Order(StringComparer.Ordinal)
                .Select(x => (JsonNode?)x).ToArray());
        canonical["checklist"] = new JsonArray(task["checklist"]!.AsArray().Select(i => i!.AsObject())
            .OrderBy(i => (string)i["rank"]!, StringComparer.Ordinal).Select(i => (JsonNode?)Sorted(i)).ToArray());
        return canonical;
    }

    private static JsonObject Sorted(JsonObject o) =>
        new(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is JsonObject child ? Sorted(child) : p.Value?.DeepClone())));
}

public static class JsonElementExtensions
{
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
