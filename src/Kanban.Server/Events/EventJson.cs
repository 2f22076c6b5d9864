using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kanban.Server.Events;

/// <summary>The JSON shape of events: camelCase, roles as OWNER/EDITOR/VIEWER, nulls kept.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };
}
