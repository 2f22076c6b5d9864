using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Data;
using Kanban.Server.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kanban.Server.Events;

/// <param name="ResetRequired">The events after the asked seq are no longer all kept (or the seq is from another timeline): load the board afresh.</param>
public sealed record EventPage(IReadOnlyList<BoardEvent> Events, bool HasMore, bool ResetRequired);

/// <summary>How a joining client catches up: the events after its seq, or the whole board.</summary>
public sealed record CatchUp(long Seq, IReadOnlyList<BoardEvent> Events, Wire? Snapshot);

/// <summary>Reads a board's event log for catching up.</summary>
public sealed class EventLog(KanbanDb db, BoardReader boards, IOptions<KanbanOptions> options)
{
    public async Task<EventPage> AfterAsync(Guid boardId, Caller caller, long afterSeq, int first, CancellationToken ct)
    {
        if (first is < 1 or > Limits.MaxEventPage)
            throw RefusalException.Validation("first", $"first must be 1 to {Limits.MaxEventPage}.");
        if (afterSeq < 0)
            throw RefusalException.Validation("afterSeq", "afterSeq must not be negative.");

        var seq = await db.Boards.Where(b => b.Id == boardId).Select(b => (long?)b.Seq).SingleOrDefaultAsync(ct)
            ?? throw RefusalException.NotFound("Board");
        if (await boards.RoleAsync(boardId, caller, ct) is null)
            throw RefusalException.Forbidden();
        if (IsOutsideWindow(afterSeq, seq))
            return new EventPage([], false, true);

        var events = await db.Events.AsNoTracking().Where(e => e.BoardId == boardId && e.Seq > afterSeq)
            .OrderBy(e => e.Seq).Take(first + 1).ToListAsync(ct);
        // A pruned row inside the window (the retention was raised) is a hole only a reset fills.
        if (events.Count > 0 && events[0].Seq != afterSeq + 1)
            return new EventPage([], false, true);
        return new EventPage(events.Take(first).ToList(), events.Count > first, false);
    }

    /// <summary>
    /// Everything after <paramref name="afterSeq"/> when the log still has it all, otherwise (or
    /// with no seq) the whole board; read in one snapshot so the answer matches its seq.
    /// </summary>
    public async Task<CatchUp> CatchUpAsync(Guid boardId, Caller caller, long? afterSeq, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        var seq = await db.Boards.Where(b => b.Id == boardId).Select(b => (long?)b.Seq).SingleOrDefaultAsync(ct)
            ?? throw RefusalException.NotFound("Board");
        if (await boards.RoleAsync(boardId, caller, ct) is not { } role)
            throw RefusalException.Forbidden();

        if (afterSeq is { } after && !IsOutsideWindow(after, seq))
        {
            var events = await db.Events.AsNoTracking().Where(e => e.BoardId == boardId && e.Seq > after)
                .OrderBy(e => e.Seq).ToListAsync(ct);
            if (events.Count == seq - after) // nothing pruned inside the window
                return new CatchUp(seq, events, null);
        }
        // Read in this transaction, at this seq, when not kept already.
        return new CatchUp(seq, [], (await boards.KeptAsync(boardId, seq, role, caller, ct)).Wire);
    }

    /// <summary>True when the log cannot bring a client at <paramref name="afterSeq"/> up to <paramref name="seq"/>.</summary>
    public bool IsOutsideWindow(long afterSeq, long seq) => afterSeq > seq || afterSeq < seq - options.Value.EventRetention;
}
