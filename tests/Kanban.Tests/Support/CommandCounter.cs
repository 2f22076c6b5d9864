using System.Data.Common;
using Kanban.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Tests.Support;

/// <summary>
/// Counts the database commands one server runs. An interceptor rather than EF's command log:
/// EF caches whether a log event is enabled for a second, in state that every server of the test
/// process shares, so a log-based count misses commands while other tests' servers run.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;
    private readonly System.Collections.Concurrent.ConcurrentQueue<RanCommand> _ran = new();

    public int Count => Volatile.Read(ref _count);

    /// <summary>Every command EF Core ran, with its parameters, to explain its plan again (plain SQL on the context's connection is not seen).</summary>
    public IReadOnlyList<RanCommand> Ran => _ran.ToArray();

    /// <summary>Adds the counter to the server's contexts, whichever database it uses.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteKanbanDb>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgresKanbanDb>(o => o.AddInterceptors(this));
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Counted(base.ReaderExecuted(command, eventData, result), command);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        Counted(base.ReaderExecutedAsync(command, eventData, result, cancellationToken), command);

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Counted(base.NonQueryExecuted(command, eventData, result), command);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        Counted(base.NonQueryExecutedAsync(command, eventData, result, cancellationToken), command);

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Counted(base.ScalarExecuted(command, eventData, result), command);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        Counted(base.ScalarExecutedAsync(command, eventData, result, cancellationToken), command);

    private T Counted<T>(T result, DbCommand command)
    {
        Interlocked.Increment(ref _count);
        _ran.Enqueue(new RanCommand(command.CommandText,
            command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToArray()));
        return result;
    }
}

/// <summary>A query as the server ran it.</summary>
public sealed record RanCommand(string Text, (string Name, object? Value)[] Parameters);
