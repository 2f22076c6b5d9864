using Kanban.Server.Auth;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kanban.Server.Boards;

/// <summary>
/// The one write path. Every change to an existing board runs here, in a transaction that
/// holds the board's row lock: check the caller's role, change rows, number each event with
/// the board's next seq, log it, commit, and only then publish. So commit order is seq order,
/// the log has no gaps, and a change that fails (or changes nothing) leaves no trace.
/// </summary>
public sealed class BoardWriter(
    KanbanDb db, WriteGate gate, IEventPublisher publisher, IOptions<KanbanOptions> options, TimeProvider clock, WriteQueries queries, LastCommit lastCommit,
    PlainSave plainSave, WriteConnection writeConnection, CommitGroup group)
{
    // Pruning on every write would cost a delete per mutation; every 64th keeps the window
    // within 64 rows of EVENT_RETENTION (and the history within 64 entries of HISTORY_DAYS), and
    // reads enforce both windows exactly anyway.
    private const int PruneEvery = 64;

    public async Task<T> WriteAsync<T>(
        Guid boardId, Caller caller, BoardRole needed, Func<BoardChange, Task<T>> change, CancellationToken ct)
    {
        var applied = await InTransactionAsync(boardId, () => ApplyAsync(boardId, caller, needed, change, ct), ct);
        if (applied.Events.Count > 0)
            lastCommit.Committed(applied.Events[^1].Seq);
        return applied.Result;
    }

    /// <summary>
    /// Housekeeping of a board that is no one's change (no caller, no event, nothing to publish):
    /// in a transaction under the same gate and board lock as every change, so it never
    /// interleaves with one. Does nothing when the board is gone.
    /// </summary>
    public async Task MaintainAsync(Guid boardId, Func<Task> work, CancellationToken ct) =>
        await InTransactionAsync(boardId, async () =>
        {
            if (!await LockAsync(boardId, ct))
                return new Applied<bool>(false, [], Changed: false);
            await work();
            await db.SaveChangesAsync(ct);
            return new Applied<bool>(true, [], Changed: true);
        }, ct);

    /// <summary>
    /// Runs <paramref name="apply"/> inside the write gate in a transaction, and commits and
    /// publishes what it changed: with SQLite together with the changes queued behind it
    /// (<see cref="CommitGroup"/>), with PostgreSQL on its own (writers of other boards run at once there).
    /// </summary>
    private async Task<Applied<T>> InTransactionAsync<T>(Guid boardId, Func<Task<Applied<T>>> apply, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        using var pass = await gate.EnterAsync(boardId, ct);
        // A failed save fails the whole change and undoes it, so EF's savepoint around
        // SaveChanges (SAVEPOINT and RELEASE: two more statements under the lock) buys nothing.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            if (group.Enabled)
                return await group.RunAsync(db, pass, apply, ct);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var applied = await apply();
            if (!applied.Changed)
                return applied; // the transaction rolls back
            await tx.CommitAsync(CancellationToken.None); // past this point the change stands: no cancelling
            publisher.Publish(applied.Events);
            return applied;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// One change, in the transaction the gate's holder runs it in: lock the board, check the
    /// caller's role, make the change, and save it with its events (none: nothing changed).
    /// </summary>
    private async Task<Applied<T>> ApplyAsync<T>(
        Guid boardId, Caller caller, BoardRole needed, Func<BoardChange, Task<T>> change, CancellationToken ct)
    {
        if (!await LockAsync(boardId, ct))
            throw RefusalException.NotFound("Board");

        // The board, the caller's role on it and the caller's name, in one round trip.
        var me = await queries.LoadBoardAndCaller(db, boardId, caller.UserId, ct) ?? throw RefusalException.NotFound("Board");
        if (me.Role is not { } role || role < needed)
            throw RefusalException.Forbidden();
        var board = me.Board;

        var actor = new UserView(caller.UserId, AppUser.NameOf(me.DisplayName, me.Email));
        var scope = new BoardChange(db, board, role, actor, caller.Origin, Now());
        var result = await change(scope);
        if (scope.Events.Count == 0)
            return new Applied<T>(result, [], Changed: false); // nothing changed: no seq, no event

        await PruneAsync(board, ct);
        await SaveAsync(scope.LogRows, ct);
        return new Applied<T>(result, scope.Events, Changed: true);
    }

    /// <summary>
    /// PostgreSQL: takes the board's row lock first, so writers of one board queue here and
    /// writers of other boards do not (false: no such board). SQLite's immediate transaction
    /// already holds the database's one write lock.
    /// </summary>
    private async Task<bool> LockAsync(Guid boardId, CancellationToken ct)
    {
        if (db is SqliteKanbanDb)
            return true;
        await using var read = await HotRead.RunAsync(db, writeConnection, """SELECT 1 FROM "Boards" WHERE "Id" = @board FOR UPDATE""", ct, ("board", boardId));
        return await read.Reader.ReadAsync(ct);
    }

    /// <summary>Timestamps to the millisecond, so every database stores exactly what events carry.</summary>
    public DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    /// <summary>
    /// Saves (as plain SQL when the change only updates rows and logs, else through EF Core),
    /// turning a clash on a primary key (an ID taken meanwhile) into CONFLICT.
    /// </summary>
    public Task SaveAsync(CancellationToken ct) => SaveAsync([], ct);

    /// <param name="logRows">The event-log and history rows to insert with the changes (untracked).</param>
    private async Task SaveAsync(IReadOnlyList<object> logRows, CancellationToken ct)
    {
        try
        {
            if (!await plainSave.TrySaveAsync(db, logRows, ct))
            {
                db.AddRange(logRows);
                await db.SaveChangesAsync(ct);
            }
        }
        catch (Exception e) when (IsUniqueViolation(e is DbUpdateException ? e.InnerException : e))
        {
            throw RefusalException.Conflict("That ID is already in use.");
        }
    }

    private async Task PruneAsync(Board board, CancellationToken ct)
    {
        if (board.Seq / PruneEvery == (board.Seq - 1) / PruneEvery)
            return;
        var oldest = board.Seq - options.Value.EventRetention;
        if (oldest > 0)
            await db.Events.Where(e => e.BoardId == board.Id && e.Seq <= oldest).ExecuteDeleteAsync(ct);
        // The history has its own window, in days: the event log's never shortens it.
        var since = Now() - TimeSpan.FromDays(options.Value.HistoryDays);
        await db.Activities.Where(a => a.BoardId == board.Id && a.At < since).ExecuteDeleteAsync(ct);
    }

    private static bool IsUniqueViolation(Exception? e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        Npgsql.PostgresException p => p.SqlState == "23505",
        _ => false,
    };
}
