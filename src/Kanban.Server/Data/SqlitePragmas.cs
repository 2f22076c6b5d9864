using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kanban.Server.Data;

/// <summary>
/// Per-connection SQLite settings. With WAL, synchronous=NORMAL still never corrupts the
/// database; a power cut may lose the last commits, a process crash loses nothing.
/// Both settings last as long as the physical connection, and Microsoft.Data.Sqlite's pool
/// hands the same physical connection (the same sqlite3 handle) out again and again: they are
/// set once per handle, not on every open from the pool (which was twice per mutation).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    // Keyed by the native handle's wrapper: an entry goes when its physical connection is closed for good.
    private readonly ConditionalWeakTable<object, object> _configured = [];
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection, out var handle))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Configured(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        if (!NeedsPragmas(connection, out var handle))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
        Configured(handle);
    }

    private bool NeedsPragmas(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !_configured.TryGetValue(handle, out _);
    }

    private void Configured(object? handle)
    {
        if (handle is not null)
            _configured.AddOrUpdate(handle, Done);
    }
}
