using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kanban.Server.Events;
using MessagePack;
using MessagePack.Formatters;

namespace Kanban.Server.Realtime;

/// <summary>
/// A value sent over the hub, held as the JSON the API speaks (camelCase, enums as strings).
/// JSON clients get those bytes as they are: an event goes out as logged, without being parsed
/// and serialized again, and a board snapshot is serialized once. MessagePack clients get the
/// same tree (maps, arrays, strings, integers or doubles, booleans, nil), transcoded.
/// </summary>
[JsonConverter(typeof(WireJsonConverter))]
public sealed class Wire(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public static Wire From(object value) => new(JsonSerializer.SerializeToUtf8Bytes(value, ContractJson.Options));

    /// <summary>A logged event's payload, which is already the pushed object.</summary>
    public static Wire FromJson(string json) => new(Encoding.UTF8.GetBytes(json));

    public override string ToString() => Encoding.UTF8.GetString(Utf8.Span);

    private sealed class WireJsonConverter : JsonConverter<Wire>
    {
        public override Wire Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The server only sends these.");

        public override void Write(Utf8JsonWriter writer, Wire value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}

/// <summary>Writes a <see cref="Wire"/> value for MessagePack clients: the JSON tree, node for node.</summary>
public sealed class WireMessagePackFormatter : IMessagePackFormatter<Wire?>
{
    public static readonly WireMessagePackFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, Wire? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }
        using var document = JsonDocument.Parse(value.Utf8);
        Write(ref writer, document.RootElement);
    }

    public Wire Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        throw new NotSupportedException("The server only sends these.");

    private static void Write(ref MessagePackWriter writer, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in e.EnumerateObject())
                    count++;
                writer.WriteMapHeader(count);
                foreach (var property in e.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }
                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(e.GetArrayLength());
                foreach (var item in e.EnumerateArray())
                    Write(ref writer, item);
                break;
            case JsonValueKind.String:
                writer.Write(e.GetString());
                break;
            case JsonValueKind.Number when e.TryGetInt64(out var integer):
                writer.Write(integer);
                break;
            case JsonValueKind.Number:
                writer.Write(e.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }
}
