using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kanban.Contract;

/// <summary>
/// The new value of a field that can be cleared, in an event's <c>updates</c>. A field that did not
/// change is a null <see cref="NewValue{T}"/> and is left out of the JSON; a field that changed is
/// written as its value, so a cleared one is there as <c>null</c> ("dueDate": null), which a plain
/// nullable property could not tell apart from "unchanged".
/// </summary>
[JsonConverter(typeof(NewValueConverterFactory))]
public sealed record NewValue<T>(T Value);

public sealed class NewValueConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(NewValue<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<NewValue<T>>
    {
        // A JSON null is a value too (the field was cleared), so reading must see it.
        public override bool HandleNull => true;

        public override NewValue<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, NewValue<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
