using System.Text.Json;
using Kanban.Server.Events;

namespace Kanban.Server.Realtime;

/// <summary>
/// Values sent over the hub as plain trees (dictionaries, lists, strings, numbers), so JSON
/// and MessagePack clients receive the same camelCase shape the GraphQL API has.
/// </summary>
public static class Wire
{
    public static object? From(object value) => From(JsonSerializer.SerializeToElement(value, EventJson.Options));

    public static object? FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return From(document.RootElement);
    }

    public static object? From(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => From(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Select(From).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
