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

    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds the counter to the server's contexts, whichever database it uses.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteKanbanDb>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgresKanbanDb>(o => o.AddInterceptors(this));
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Counted(base.ReaderExecuted(command, eventData, result));

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        Counted(base.ReaderExecutedAsync(command, eventData, result, cancellationToken));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Counted(base.NonQueryExecuted(command, eventData, result));

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        Counted(base.NonQueryExecutedAsync(command, eventData, result, cancellationToken));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Counted(base.ScalarExecuted(command, eventData, result));

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        Counted(base.ScalarExecutedAsync(command, eventData, result, cancellationToken));

    private T Counted<T>(T result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
