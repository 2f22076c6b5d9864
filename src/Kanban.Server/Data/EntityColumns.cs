using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kanban.Server.Data;

/// <summary>
/// An entity's columns as the model maps them, for a plain SQL read (<see cref="HotRead"/>) that
/// returns entities: the select list, and the entity made from a row as EF Core would make it
/// (each column read as its provider type and put through the property's value converter).
/// Attach the entity to track its changes as if EF Core had read it.
/// </summary>
public sealed class EntityColumns<T> where T : class
{
    private readonly IProperty[] _properties;

    public EntityColumns(IModel model)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not in the model.");
        _properties = type.GetProperties().Where(p => p.PropertyInfo is not null).ToArray();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        Names = _properties.Select(p => p.GetColumnName(table)!).ToArray();
    }

    /// <summary>The columns' names, in the order <see cref="Read"/> reads them.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The select list for the table's alias, e.g. <c>t."Id", t."Title"</c>.</summary>
    public string SelectList(string alias) => string.Join(", ", Names.Select(n => $"{alias}.\"{n}\""));

    /// <summary>How many columns the entity takes; the row's own columns follow them.</summary>
    public int Count => _properties.Length;

    /// <summary>The entity in the row's first <see cref="Count"/> columns from <paramref name="first"/>.</summary>
    public T Read(DbDataReader reader, int first = 0)
    {
        var entity = (T)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(T));
        for (var i = 0; i < _properties.Length; i++)
            _properties[i].PropertyInfo!.SetValue(entity, Value(reader, first + i, _properties[i]));
        return entity;
    }

    /// <summary>A column read as the model maps <paramref name="property"/>: null, or its CLR value.</summary>
    public static object? Value(DbDataReader reader, int ordinal, IProperty property)
    {
        if (reader.IsDBNull(ordinal))
            return null;
        var mapping = property.GetTypeMapping();
        var converter = mapping.Converter;
        var stored = converter?.ProviderClrType ?? Nullable.GetUnderlyingType(mapping.ClrType) ?? mapping.ClrType;
        var value = ReadAs(reader, ordinal, stored);
        return converter is null ? value : converter.ConvertFromProvider(value);
    }

    private static object ReadAs(DbDataReader reader, int ordinal, Type type) =>
        type == typeof(string) ? reader.GetString(ordinal)
        : type == typeof(Guid) ? reader.GetGuid(ordinal)
        : type == typeof(int) ? reader.GetInt32(ordinal)
        : type == typeof(long) ? reader.GetInt64(ordinal)
        : type == typeof(bool) ? reader.GetBoolean(ordinal)
        : type == typeof(DateTimeOffset) ? reader.GetFieldValue<DateTimeOffset>(ordinal)
        : type == typeof(DateOnly) ? reader.GetFieldValue<DateOnly>(ordinal)
        : type == typeof(DateTime) ? reader.GetDateTime(ordinal)
        : type.IsEnum ? Enum.ToObject(type, reader.GetInt32(ordinal))
        : reader.GetValue(ordinal);
}
