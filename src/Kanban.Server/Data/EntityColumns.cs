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
    private readonly ColumnReader[] _columns;
    private readonly string[] _names;

    public EntityColumns(IModel model)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not in the model.");
        _columns = type.GetProperties().Where(p => p.PropertyInfo is not null).Select(p => new ColumnReader(p)).ToArray();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        _names = _columns.Select(c => c.Property.GetColumnName(table)!).ToArray();
    }

    /// <summary>The select list for the table's alias, e.g. <c>t."Id", t."Title"</c>, in the order <see cref="Read"/> reads.</summary>
    public string SelectList(string alias) => string.Join(", ", _names.Select(n => $"{alias}.\"{n}\""));

    /// <summary>How many columns the entity takes; the row's own columns follow them.</summary>
    public int Count => _columns.Length;

    /// <summary>The entity in the row's first <see cref="Count"/> columns from <paramref name="first"/>.</summary>
    public T Read(DbDataReader reader, int first = 0)
    {
        var entity = (T)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(T));
        for (var i = 0; i < _columns.Length; i++)
            _columns[i].Property.PropertyInfo!.SetValue(entity, _columns[i].Read(reader, first + i));
        return entity;
    }
}

/// <summary>
/// One column read as the model maps <see cref="Property"/>: as its provider type, through the
/// property's value converter. The mapping is looked up once, not on every row.
/// </summary>
public sealed class ColumnReader
{
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter;
    private readonly Type _stored;

    public ColumnReader(IProperty property)
    {
        Property = property;
        var mapping = property.GetTypeMapping();
        _converter = mapping.Converter;
        _stored = _converter?.ProviderClrType ?? Nullable.GetUnderlyingType(mapping.ClrType) ?? mapping.ClrType;
    }

    public IProperty Property { get; }

    /// <summary>Null, or the column's CLR value.</summary>
    public object? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
            return null;
        var value = ReadAs(reader, ordinal, _stored);
        return _converter is null ? value : _converter.ConvertFromProvider(value);
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
