using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Data;

public static class Snapshots
{
    /// <summary>
    /// A read-only transaction whose reads all see one committed state, so a board read in
    /// several queries matches its seq exactly. SQLite: a deferred transaction (an immediate
    /// one would take the write lock). PostgreSQL: repeatable read. Inside a transaction already
    /// open on this context (a snapshot, or a write) it reads in that one and ends nothing.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginSnapshotAsync(this KanbanDb db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
            return NoSnapshot.Instance;
        if (db.Database.GetDbConnection() is not SqliteConnection sqlite)
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

        await db.Database.OpenConnectionAsync(ct);
        var transaction = sqlite.BeginTransaction(deferred: true);
        // EF does not own a transaction it was handed, so disposing its wrapper would leave this
        // one open on the connection, and the next snapshot of the request would nest in it.
        await db.Database.UseTransactionAsync(transaction, ct);
        return new SqliteSnapshot(db, transaction);
    }

    private sealed class SqliteSnapshot(KanbanDb db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            // EF counts opens: UseTransaction opened the connection once more, and clearing it
            // closes nothing. Left at one, the count kept the context's connection "in use" for
            // the rest of its life in the pool (so it could never be switched to the write connection).
            await db.Database.CloseConnectionAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class NoSnapshot : IAsyncDisposable
    {
        public static readonly NoSnapshot Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
