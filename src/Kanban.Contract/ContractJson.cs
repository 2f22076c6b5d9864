using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kanban.Contract;

/// <summary>The JSON of the API and its events: camelCase, roles as OWNER/EDITOR/VIEWER, nulls kept.</summary>
public static class ContractJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };
}
