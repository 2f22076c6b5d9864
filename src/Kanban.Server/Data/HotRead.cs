using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kanban.Server.Data;

/// <summary>
/// One plain SQL read on a context's connection, inside its transaction when one is open. Each
/// parameter goes through the model's type mapping, so it is stored as EF Core stores it (a
/// GUID as upper-case text on SQLite, as uuid on PostgreSQL). Dispose it to close what it opened.
/// </summary>
public sealed class HotRead : IAsyncDisposable
{
    private readonly KanbanDb _db;
    private readonly DbCommand _command;

    private HotRead(KanbanDb db, DbCommand command, DbDataReader reader) => (_db, _command, Reader) = (db, command, reader);

    public DbDataReader Reader { get; }

    public static async Task<HotRead> RunAsync(KanbanDb db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        DbCommand? command = null;
        try
        {
            command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var mappings = db.GetService<IRelationalTypeMappingSource>();
            foreach (var (name, value) in parameters)
            {
                var mapping = mappings.FindMapping(value.GetType()) ?? throw new InvalidOperationException($"No mapping for {value.GetType()}.");
                command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable: false));
            }
            return new HotRead(db, command, await command.ExecuteReaderAsync(ct));
        }
        catch
        {
            if (command is not null)
                await command.DisposeAsync();
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Reader.DisposeAsync();
        await _command.DisposeAsync();
        await _db.Database.CloseConnectionAsync();
    }
}
