using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kanban.Server.Data;

public static class Snapshots
{
    /// <summary>
    /// A read-only transaction whose reads all see one committed state, so a board read in
    /// several queries matches its seq exactly. SQLite: a deferred transaction (an immediate
    /// one would take the write lock). PostgreSQL: repeatable read.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginSnapshotAsync(this KanbanDb db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection sqlite)
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

        await db.Database.OpenConnectionAsync(ct);
        return await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), ct)
            ?? throw new InvalidOperationException("SQLite transaction was not enlisted.");
    }
}
