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
public sealed class PlainSave
{
    private readonly ConcurrentDictionary<IEntityType, Table> _tables = new();

    /// <summary>
    /// Saves the context's changes and accepts them, in the context's transaction; false (nothing
    /// done) when they are not only updates and log rows.
    /// </summary>
    public async Task<bool> TrySaveAsync(KanbanDb db, CancellationToken ct)
    {
        var changed = new List<(EntityEntry Entry, Table Table)>();
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
            changed.Add((entry, table));
        }
        if (changed.Count == 0)
            return true;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var sql = new StringBuilder();
            foreach (var (entry, table) in changed)
            {
                if (entry.State == EntityState.Added)
                    table.Insert(entry, command, sql);
                else
                    table.Update(entry, command, sql);
            }
            command.CommandText = sql.ToString();
            // Each statement touches one row: fewer means a row was not there (EF Core's concurrency failure).
            var rows = await command.ExecuteNonQueryAsync(ct);
            if (rows != changed.Count)
                throw new DbUpdateConcurrencyException($"Expected {changed.Count} rows to change, {rows} did.");
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
        private readonly ConcurrentDictionary<ulong, string> _updates = new();
        private string? _insert;

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
            // of 64 bits names at most 64 columns.
            Updatable = _properties.Length <= 64 && type.GetTableName() is not null
                && !_properties.Any(p => p.IsConcurrencyToken || p.ValueGenerated != ValueGenerated.Never && !p.IsPrimaryKey());
        }

        public bool Updatable { get; }

        /// <summary>Appends <c>UPDATE … SET</c> the changed columns <c>WHERE</c> the key, and its values.</summary>
        public void Update(EntityEntry entry, DbCommand command, StringBuilder sql)
        {
            var changed = 0UL;
            for (var i = 0; i < _properties.Length; i++)
            {
                if (entry.Property(_properties[i]).IsModified)
                    changed |= 1UL << i;
            }
            if (_keys.Any(k => (changed & 1UL << k) != 0))
                throw new InvalidOperationException($"A key of {_name} changed: not a plain update.");
            var prefix = Prefix(command, sql, _updates.GetOrAdd(changed, UpdateSql));
            var n = 0;
            for (var i = 0; i < _properties.Length; i++)
            {
                if ((changed & 1UL << i) != 0)
                    Add(command, entry, i, prefix + n++);
            }
            foreach (var k in _keys)
                Add(command, entry, k, prefix + n++);
        }

        /// <summary>Appends <c>INSERT</c> of every column, and its values.</summary>
        public void Insert(EntityEntry entry, DbCommand command, StringBuilder sql)
        {
            _insert ??= $"INSERT INTO {_name} ({string.Join(", ", _columns)}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"@p{i}"))});\n";
            var prefix = Prefix(command, sql, _insert);
            for (var i = 0; i < _properties.Length; i++)
                Add(command, entry, i, prefix + i);
        }

        /// <summary>
        /// Appends a statement whose parameters are numbered within it (@p0, @p1…), renamed apart
        /// from the command's earlier ones by how many the command holds before it (@p4_0, @p4_1…);
        /// returns that prefix, without the @.
        /// </summary>
        private static string Prefix(DbCommand command, StringBuilder sql, string statement)
        {
            var prefix = $"p{command.Parameters.Count}_";
            sql.Append(statement.Replace("@p", "@" + prefix));
            return prefix;
        }

        private string UpdateSql(ulong changed)
        {
            var set = new List<string>();
            var where = new List<string>();
            var n = 0;
            for (var i = 0; i < _properties.Length; i++)
            {
                if ((changed & 1UL << i) != 0)
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
