using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kanban.Server.Data;

/// <summary>
/// Saves what most changes are made of as one plain SQL command: rows updated (a task moved or
/// edited, a column renamed, an item ticked, the board's seq) and the event and history rows
/// added. Anything else (a row created or deleted, which EF Core orders by the rows' foreign
/// keys) is left to <c>SaveChanges</c>, whole.
/// </summary>
/// <remarks>
/// EF Core's <c>SaveChanges</c> was about 40% of the server's CPU in a stream of moves: it builds
/// its update pipeline (commands, SQL, parameters, a batch reader) anew on every save. Here the
/// SQL of each table is made once per set of changed columns, and each value goes through the
/// property's own type mapping (its value converter included), so the rows are stored exactly as
/// <c>SaveChanges</c> stores them.
/// </remarks>
public sealed class PlainSave(WriteConnection commands)
{
    private readonly ConcurrentDictionary<IEntityType, Table> _tables = new();

    /// <summary>
    /// Saves the context's changes and accepts them, and inserts <paramref name="logRows"/> (event-log
    /// and history rows the context does not track), in the context's transaction; false (nothing
    /// done) when the changes are not only updates.
    /// </summary>
    public async Task<bool> TrySaveAsync(KanbanDb db, IReadOnlyList<object> logRows, CancellationToken ct)
    {
        var changed = new List<(Func<IProperty, object?> Value, Table Table, ulong Written)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Unchanged)
                continue;
            var table = _tables.GetOrAdd(entry.Metadata, type => new Table(type));
            if (entry.State != EntityState.Modified || !table.Updatable)
                return false;
            changed.Add((property => entry.CurrentValues[property], table, table.Written(entry)));
        }
        foreach (var row in logRows)
        {
            var table = _tables.GetOrAdd(db.Model.FindEntityType(row.GetType())!, type => new Table(type));
            changed.Add((property => property.GetGetter().GetClrValueUsingContainingEntity(row), table, Table.Inserted));
        }
        if (changed.Count == 0)
            return true;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The statements first (the same text for the same kind of change, so it stays prepared), then their values.
            var sql = new StringBuilder();
            for (var i = 0; i < changed.Count; i++)
                changed[i].Table.Append(changed[i].Written, i, sql);
            var command = commands.Command(db, sql.ToString());
            try
            {
                for (var i = 0; i < changed.Count; i++)
                    changed[i].Table.AddValues(changed[i].Value, changed[i].Written, i, command);
                // Each statement touches one row: fewer means a row was not there (EF Core's concurrency failure).
                var rows = await command.ExecuteNonQueryAsync(ct);
                if (rows != changed.Count)
                    throw new DbUpdateConcurrencyException($"Expected {changed.Count} rows to change, {rows} did.");
            }
            finally
            {
                await commands.Release(command);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        db.ChangeTracker.AcceptAllChanges();
        return true;
    }

    /// <summary>One entity type's table: its columns, keys, and the SQL of its updates by set of changed columns.</summary>
    private sealed class Table
    {
        private readonly string _name;
        private readonly IProperty[] _properties;
        private readonly string[] _columns;
        private readonly RelationalTypeMapping[] _mappings;
        private readonly int[] _keys;
        // Each statement's text by the columns it writes and its place in the command, so a save
        // of a kind seen before composes its command from kept strings.
        private readonly ConcurrentDictionary<(ulong Written, int Place), string> _statements = new();

        public Table(IEntityType type)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            _name = Quote(type.GetTableName()!);
            _properties = type.GetProperties().ToArray();
            _columns = _properties.Select(p => Quote(p.GetColumnName(table)!)).ToArray();
            _mappings = _properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
            var key = type.FindPrimaryKey()!.Properties;
            _keys = key.Select(k => Array.IndexOf(_properties, k)).ToArray();
            // A token or a computed column would need SaveChanges' checks and reads back; a mask
            // of 64 bits (the all-ones one meaning an insert) names at most 63 columns.
            Updatable = _properties.Length < 64 && type.GetTableName() is not null
                && !_properties.Any(p => p.IsConcurrencyToken || p.ValueGenerated != ValueGenerated.Never && !p.IsPrimaryKey());
        }

        public bool Updatable { get; }

        /// <summary>The columns of an insert: every one.</summary>
        public const ulong Inserted = ulong.MaxValue;

        /// <summary>The columns an update of the entry writes: the changed ones (its key follows them).</summary>
        public ulong Written(EntityEntry entry)
        {
            var changed = 0UL;
            for (var i = 0; i < _properties.Length; i++)
            {
                if (entry.Property(_properties[i]).IsModified)
                    changed |= 1UL << i;
            }
            foreach (var k in _keys)
            {
                if ((changed & 1UL << k) != 0)
                    throw new InvalidOperationException($"A key of {_name} changed: not a plain update.");
            }
            return changed;
        }

        /// <summary>
        /// Appends the statement: <c>INSERT</c> of every column, or <c>UPDATE … SET</c> the written
        /// columns <c>WHERE</c> the key. Its parameters are numbered within it (@p0, @p1…) and
        /// renamed apart from the other statements' by its place in the command (@s2_0, @s2_1…).
        /// </summary>
        public void Append(ulong written, int statement, StringBuilder sql) =>
            sql.Append(_statements.GetOrAdd((written, statement), key => Sql(key.Written).Replace("@p", $"@s{key.Place}_")));

        /// <summary>
        /// The statement's values, in the order of its parameters, each named as in the SQL with its
        /// "@": Microsoft.Data.Sqlite looks a name without it up once per prefix it could have, on
        /// every execution.
        /// </summary>
        public void AddValues(Func<IProperty, object?> value, ulong written, int statement, DbCommand command)
        {
            var n = 0;
            for (var i = 0; i < _properties.Length; i++)
            {
                if ((written & 1UL << i) != 0)
                    Add(command, value, i, $"@s{statement}_{n++}");
            }
            if (written == Inserted)
                return;
            foreach (var k in _keys)
                Add(command, value, k, $"@s{statement}_{n++}");
        }

        private string Sql(ulong written)
        {
            if (written == Inserted)
                return $"INSERT INTO {_name} ({string.Join(", ", _columns)}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"@p{i}"))});\n";
            var set = new List<string>();
            var where = new List<string>();
            var n = 0;
            for (var i = 0; i < _properties.Length; i++)
            {
                if ((written & 1UL << i) != 0)
                    set.Add($"{_columns[i]} = @p{n++}");
            }
            foreach (var k in _keys)
                where.Add($"{_columns[k]} = @p{n++}");
            return $"UPDATE {_name} SET {string.Join(", ", set)} WHERE {string.Join(" AND ", where)};\n";
        }

        private void Add(DbCommand command, Func<IProperty, object?> value, int i, string name)
        {
            var property = _properties[i];
            command.Parameters.Add(_mappings[i].CreateParameter(command, name, value(property), property.IsNullable));
        }

        private static string Quote(string identifier) => $"\"{identifier}\"";
    }
}
