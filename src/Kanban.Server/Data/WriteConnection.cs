using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kanban.Server.Data;

/// <summary>
/// With SQLite, the one connection every change of this process runs on, held open for the
/// process's life, with the plain SQL commands of the hot path kept on it, prepared.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite finalizes a command's prepared statements when its connection closes,
/// and a context closes its connection after every transaction: each write prepared its half a
/// dozen statements again, about a tenth of the server's CPU in a stream of moves, all of it
/// inside the write gate. SQLite has one writer anyway, and the write gate already lets one
/// change of the process in at a time, so one connection serves them all. With PostgreSQL
/// (<see cref="Enabled"/> false) each change keeps its own pooled connection: writers of
/// different boards run at once there.
/// </remarks>
public sealed class WriteConnection(string? sqliteConnectionString) : IDisposable
{
    // Enough for every statement the hot path composes (a rerank of many rows composes a new
    // one each time: past the cap such a command is made and disposed as before).
    private const int MaxCommands = 256;

    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;

    public bool Enabled => sqliteConnectionString is not null;

    /// <summary>
    /// Runs <paramref name="work"/> with the context on the write connection, then gives the
    /// context its own connection back. Call it only inside the write gate: one at a time.
    /// </summary>
    public async Task<T> RunAsync<T>(KanbanDb db, Func<Task<T>> work, CancellationToken ct)
    {
        if (!Enabled)
            return await work();
        var own = db.Database.GetDbConnection().ConnectionString;
        db.Database.SetDbConnection(await OpenAsync(ct), contextOwnsConnection: false);
        try
        {
            return await work();
        }
        finally
        {
            // Back to a connection of its own, made from the context's connection string when next used.
            db.Database.SetDbConnection(null, contextOwnsConnection: true);
            db.Database.SetConnectionString(own);
        }
    }

    /// <summary>A transaction on the write connection (SQLite's BEGIN IMMEDIATE: the file's write lock). Only inside the write gate.</summary>
    public async Task<SqliteTransaction> BeginAsync() => (await OpenAsync(CancellationToken.None)).BeginTransaction();

    /// <summary>
    /// A command for <paramref name="sql"/> on the context's connection: on the write connection
    /// the one kept for that text (its parameters cleared), else a new one. Dispose it with
    /// <see cref="Release"/>.
    /// </summary>
    public DbCommand Command(KanbanDb db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        DbCommand? command = null;
        if (ReferenceEquals(connection, _connection))
            _commands.TryGetValue(sql, out command);
        if (command is null)
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            if (ReferenceEquals(connection, _connection) && _commands.Count < MaxCommands)
                _commands[sql] = command;
        }
        command.Parameters.Clear();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>Disposes a command from <see cref="Command"/> unless it is one kept on the write connection.</summary>
    public async ValueTask Release(DbCommand command)
    {
        if (!IsKept(command))
            await command.DisposeAsync();
    }

    private bool IsKept(DbCommand command) =>
        ReferenceEquals(command.Connection, _connection) && _commands.TryGetValue(command.CommandText, out var kept) && ReferenceEquals(kept, command);

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
            return _connection;
        Close(); // a connection that broke, with the commands kept on it
        var connection = new SqliteConnection(sqliteConnectionString);
        await connection.OpenAsync(ct);
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = SqlitePragmas.Pragmas;
            await pragmas.ExecuteNonQueryAsync(ct);
        }
        return _connection = connection;
    }

    public void Dispose() => Close();

    private void Close()
    {
        foreach (var command in _commands.Values)
            command.Dispose();
        _commands.Clear();
        _connection?.Dispose();
        _connection = null;
    }
}
