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
    private readonly WriteConnection _commands;
    private readonly DbCommand _command;

    private HotRead(KanbanDb db, WriteConnection commands, DbCommand command, DbDataReader reader) =>
        (_db, _commands, _command, Reader) = (db, commands, command, reader);

    public DbDataReader Reader { get; }

    /// <param name="commands">Where the command comes from: kept prepared when the context is on the write connection.</param>
    public static async Task<HotRead> RunAsync(
        KanbanDb db, WriteConnection commands, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        DbCommand? command = null;
        try
        {
            command = commands.Command(db, sql);
            var mappings = db.GetService<IRelationalTypeMappingSource>();
            foreach (var (name, value) in parameters)
            {
                var mapping = mappings.FindMapping(value.GetType()) ?? throw new InvalidOperationException($"No mapping for {value.GetType()}.");
                // Named as in the SQL, "@" included: see PlainSave.
                command.Parameters.Add(mapping.CreateParameter(command, "@" + name, value, nullable: false));
            }
            return new HotRead(db, commands, command, await command.ExecuteReaderAsync(ct));
        }
        catch
        {
            if (command is not null)
                await commands.Release(command);
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Reader.DisposeAsync();
        await _commands.Release(_command);
        await _db.Database.CloseConnectionAsync();
    }
}
