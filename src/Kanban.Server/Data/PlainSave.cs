using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Kanban.Server.Events;
using Kanban.Server.History;
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
    /// Saves the context's changes and accepts them, in the context's transaction; false (nothing
    /// done) when they are not only updates and log rows.
    /// </summary>
    public async Task<bool> TrySaveAsync(KanbanDb db, CancellationToken ct)
    {
        var changed = new List<(EntityEntry Entry, Table Table, ulong Written)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Unchanged)
                continue;
            var table = _tables.GetOrAdd(entry.Metadata, type => new Table(type));
            var plain = entry.State switch
            {
                EntityState.Modified => table.Updatable,
                EntityState.Added => entry.Entity is BoardEvent or Activity,
                _ => false,
            };
            if (!plain)
                return false;
            changed.Add((entry, table, table.Written(entry)));
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
                    changed[i].Table.AddValues(changed[i].Entry, changed[i].Written, i, command);
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

        /// <summary>
        /// The columns a statement of the entry writes: the changed ones of an update (its key
        /// follows them), every one of an insert.
        /// </summary>
        public ulong Written(EntityEntry entry)
        {
            if (entry.State == EntityState.Added)
                return ulong.MaxValue;
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
        public void AddValues(EntityEntry entry, ulong written, int statement, DbCommand command)
        {
            var n = 0;
            for (var i = 0; i < _properties.Length; i++)
            {
                if ((written & 1UL << i) != 0)
                    Add(command, entry, i, $"@s{statement}_{n++}");
            }
            if (written == ulong.MaxValue)
                return;
            foreach (var k in _keys)
                Add(command, entry, k, $"@s{statement}_{n++}");
        }

        private string Sql(ulong written)
        {
            if (written == ulong.MaxValue)
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

        private void Add(DbCommand command, EntityEntry entry, int i, string name)
        {
            var property = _properties[i];
            command.Parameters.Add(_mappings[i].CreateParameter(command, name, entry.CurrentValues[property], property.IsNullable));
        }

        private static string Quote(string identifier) => $"\"{identifier}\"";
    }
}
