using System.Text.Json;
using System.Text.Json.Nodes;

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
        switch (e.Str("type"))
        {
            case "task:created":
                _tasks[e.GetProperty("task").Str("id")] = Node(e.GetProperty("task"));
                break;
            case "task:updated":
                var updated = _tasks[e.Str("taskId")];
                foreach (var field in e.GetProperty("updates").EnumerateObject())
                    updated[field.Name] = JsonNode.Parse(field.Value.GetRawText());
                updated["version"] = e.GetProperty("version").GetInt32();
                break;
            case "task:moved":
                var moved = _tasks[e.Str("taskId")];
                moved["columnId"] = e.Str("toColumn");
                moved["rank"] = e.Str("rank");
                moved["version"] = e.GetProperty("version").GetInt32();
                moved["updatedAt"] = e.Str("updatedAt");
                break;
            case "task:deleted":
                _tasks.Remove(e.Str("taskId"));
                break;
            case "tasks:reranked":
                foreach (var r in e.GetProperty("ranks").EnumerateArray())
                    _tasks[r.Str("taskId")]["rank"] = r.Str("rank");
                break;
            case "column:created":
                AddColumn(e.GetProperty("column"));
                break;
            case "column:updated":
                foreach (var field in e.GetProperty("updates").EnumerateObject())
                    _columns[e.Str("columnId")][field.Name] = JsonNode.Parse(field.Value.GetRawText());
                break;
            case "column:moved":
                _columns[e.Str("columnId")]["rank"] = e.Str("rank");
                break;
            case "column:deleted":
                var columnId = e.Str("columnId");
                _columns.Remove(columnId);
                foreach (var id in _tasks.Where(t => (string?)t.Value["columnId"] == columnId).Select(t => t.Key).ToList())
                    _tasks.Remove(id);
                break;
            case "columns:reranked":
                foreach (var r in e.GetProperty("ranks").EnumerateArray())
                    _columns[r.Str("columnId")]["rank"] = r.Str("rank");
                break;
            case "board:updated":
                if (e.GetProperty("updates").TryGetProperty("name", out var name))
                    Name = name.GetString()!;
                break;
            case "board:deleted":
                Deleted = true;
                break;
            case "member:added":
                _members[e.GetProperty("member").GetProperty("user").Str("id")] = Node(e.GetProperty("member"));
                break;
            case "member:removed":
                _members.Remove(e.Str("userId"));
                break;
            default:
                throw new InvalidOperationException($"unknown event {e.Str("type")}");
        }
    }

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

    private void AddColumn(JsonElement column)
    {
        var node = Node(column);
        node.Remove("tasks"); // tasks are kept by ID, each naming its column
        _columns[column.Str("id")] = node;
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
