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
        [MemberRemoved.Name] = (r, e) => r._members.Remove(Read<MemberRemoved>(e).UserId),
    };

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
                .OrderBy(t => (string)t["rank"]!, StringComparer.Ordinal).Select(Sorted);
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
        var board = new JsonObject { ["id"] = Id, ["name"] = Name, ["seq"] = Seq, ["columns"] = columns, ["members"] = members };
        return board.ToJsonString();
    }

    public static string Canonical(JsonElement board) => FromSnapshot(board).Canonical();

    public IReadOnlyList<string> ColumnIds => _columns.Keys.ToList();

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

    private static JsonObject Sorted(JsonObject o) =>
        new(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is JsonObject child ? Sorted(child) : p.Value?.DeepClone())));
}

public static class JsonElementExtensions
{
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
