using System.Runtime.ExceptionServices;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Kanban.Server.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>What a change did: its answer, its events, and whether it changed anything to keep.</summary>
public sealed record Applied<T>(T Result, IReadOnlyList<BoardEvent> Events, bool Changed);

/// <summary>
/// Group commit (SQLite): the changes queued at the write gate run one after another in one
/// transaction on the write connection, each inside its own savepoint, and commit together;
/// their events are then published in seq order, before the gate lets anyone else in.
/// </summary>
/// <remarks>
/// Beginning and committing a transaction was a quarter of the time a change held the gate,
/// and the gate is what bounds how many changes a second SQLite takes. A change whose holder
/// sees others waiting leaves the transaction open and hands the gate on; the last one in line
/// (or the one that fills the group) commits. Each change is still all or nothing (a failed one
/// rolls back to its savepoint and takes no one else's with it), answers only once its group has
/// committed, and sees every change before it, as it did one transaction at a time.
/// </remarks>
public sealed class CommitGroup(WriteConnection connection, IEventPublisher publisher, KanbanMetrics metrics)
{
    // Bounds how long the first change of a group waits for its answer behind the others.
    private const int MaxChanges = 32;

    // Touched only by the holder of the write gate, one at a time.
    private Group? _open;

    public bool Enabled => connection.Enabled;

    /// <summary>
    /// Runs <paramref name="apply"/> on <paramref name="db"/> in the open group (or a new one),
    /// then hands the gate on or commits, and answers once the group has committed.
    /// </summary>
    public async Task<Applied<T>> RunAsync<T>(KanbanDb db, WriteGate.Pass pass, Func<Task<Applied<T>>> apply, CancellationToken ct)
    {
        var group = _open ??= new Group(await connection.BeginAsync());
        Applied<T>? applied = null;
        ExceptionDispatchInfo? failure = null;
        try
        {
            applied = await connection.RunAsync(db, async () =>
            {
                await db.Database.UseTransactionAsync(group.Transaction, ct);
                try
                {
                    return await group.InSavepointAsync(apply);
                }
                finally
                {
                    await db.Database.UseTransactionAsync(null, CancellationToken.None);
                }
            }, ct);
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        group.Add(applied);

        if (!group.Broken && pass.OthersWaiting && group.Count < MaxChanges)
        {
            pass.Dispose(); // the next in line goes on in this transaction, and so on to the last
        }
        else
        {
            _open = null;
            metrics.CommittedTogether(group.Count);
            await group.CommitAsync(publisher);
            pass.Dispose();
        }

        if (failure is not null)
        {
            // A refusal may rest on what the changes before it did: it waits for them to stand too.
            await group.Committed.ContinueWith(_ => { }, TaskScheduler.Default);
            failure.Throw();
        }
        await group.Committed;
        return applied!;
    }

    private sealed class Group(SqliteTransaction transaction)
    {
        private const string Savepoint = "change";
        private readonly List<BoardEvent> _events = [];
        private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SqliteTransaction Transaction => transaction;

        /// <summary>The changes run in the group, failed ones included.</summary>
        public int Count { get; private set; }

        /// <summary>A savepoint could not be rolled back: the transaction is in doubt, and the group fails whole.</summary>
        public bool Broken { get; private set; }

        public Task Committed => _committed.Task;

        /// <summary>Runs the change in a savepoint: kept when it changed something, else (or when it fails) undone.</summary>
        public async Task<Applied<T>> InSavepointAsync<T>(Func<Task<Applied<T>>> apply)
        {
            if (Broken)
                throw new InvalidOperationException("The group's transaction is in doubt.");
            await transaction.SaveAsync(Savepoint);
            Applied<T> applied;
            try
            {
                applied = await apply();
            }
            catch
            {
                await UndoAsync();
                throw;
            }
            if (applied.Changed)
                await transaction.ReleaseAsync(Savepoint);
            else
                await UndoAsync();
            return applied;
        }

        public void Add<T>(Applied<T>? applied)
        {
            Count++;
            if (applied is { Changed: true })
                _events.AddRange(applied.Events);
        }

        /// <summary>Commits (or, broken, rolls back) and publishes the group's events in order.</summary>
        public async Task CommitAsync(IEventPublisher publisher)
        {
            try
            {
                if (Broken)
                    throw new InvalidOperationException("A change of the group could not be undone: none of the group's changes stands.");
                await transaction.CommitAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                await transaction.DisposeAsync(); // rolls back what is left
                _committed.SetException(e);
                return;
            }
            await transaction.DisposeAsync();
            if (_events.Count > 0)
                publisher.Publish(_events);
            _committed.SetResult();
        }

        private async Task UndoAsync()
        {
            try
            {
                await transaction.RollbackAsync(Savepoint);
                await transaction.ReleaseAsync(Savepoint);
            }
            catch
            {
                Broken = true;
            }
        }
    }
}
