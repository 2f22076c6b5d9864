using Kanban.Server.Boards;
using Kanban.Server.Realtime;
using Kanban.Server.Telemetry;
using Microsoft.Extensions.Caching.Memory;

namespace Kanban.Server.Events;

/// <summary>
/// A whole board at one seq: as read (what the <c>board</c> query resolves) and as sent (the
/// hub's snapshot). <see cref="ReadAt"/> is when its oldest part was read from the database.
/// </summary>
public sealed record KeptBoard(long Seq, BoardView View, Wire Wire, DateTimeOffset ReadAt);

/// <summary>
/// Whole-board snapshots, by board and seq. Every change to what a snapshot shows bumps
/// the board's seq, so an entry for a seq is exact, and a crowd opening one board (a meeting, a
/// class) reads and serializes it once, not once per person. Members' emails are shown to owners
/// only, so owners and the rest have one entry each.
///
/// The newest board kept is also offered to the read at a later seq, which then reads again only
/// what the changes between them touched (<see cref="BoardReader"/>): the first open of a big
/// board after someone moved one task reads one task, not all of them.
///
/// A person's display name is the one thing a snapshot shows that changes without an event:
/// a name changed on this server forgets every entry at once; one changed on another server
/// (scale-out) shows here within <see cref="MaxAge"/> of the read it was kept from, as a reload
/// of an open board shows it.
/// </summary>
public sealed class SnapshotCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    // Bytes held at most, counting each board four times its JSON: the objects it was made from,
    // the JSON, and up to two GraphQL answers made from it (KeptAnswers.MaxPerBoard). A board of
    // 2,000 tasks with their detail is about 3 MB of JSON.
    private const long MaxBytes = 128L * 1024 * 1024;

    private readonly MemoryCache _entries;
    private readonly TimeProvider _clock;
    private readonly KanbanMetrics _metrics;

    public SnapshotCache(TimeProvider clock, KanbanMetrics metrics)
    {
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxBytes, Clock = new CacheClock(clock) });
        (_clock, _metrics) = (clock, metrics);
    }

    /// <param name="read">
    /// Reads the board at <paramref name="seq"/>, given the newest board kept at an earlier seq
    /// (or null): answers the view and whether it was made from that earlier board.
    /// </param>
    public async Task<KeptBoard> GetOrReadAsync(Guid boardId, long seq, bool ownerView,
        Func<KeptBoard?, Task<(BoardView View, bool FromEarlier)>> read)
    {
        var key = (boardId, seq, ownerView);
        if (_entries.TryGetValue(key, out KeptBoard? known))
        {
            _metrics.SnapshotRead("kept");
            return known!;
        }
        var earlier = _entries.TryGetValue(boardId, out KeptBoard? newest) && newest!.Seq < seq ? newest : null;
        var readAt = _clock.GetUtcNow();
        var (view, fromEarlier) = await read(earlier);
        _metrics.SnapshotRead(fromEarlier ? "patched" : "whole");
        // A board made from an earlier one is no fresher than that one's names.
        var kept = new KeptBoard(seq, view, Wire.From(view), fromEarlier ? earlier!.ReadAt : readAt);
        var options = new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, 4L * kept.Wire.Utf8.Length),
            AbsoluteExpiration = kept.ReadAt + MaxAge,
        };
        _entries.Set(key, kept, options);
        // Kept twice, counted twice: the limit errs on the side of memory. Two reads at once may
        // both set it; either is an earlier board that later reads can start from.
        if (!_entries.TryGetValue(boardId, out newest) || newest!.Seq < seq)
            _entries.Set(boardId, kept, options);
        return kept;
    }

    /// <summary>Someone's display name changed: no kept snapshot shows it yet.</summary>
    public void ForgetAll() => _entries.Compact(1.0);

    public void Dispose() => _entries.Dispose();

#pragma warning disable CS0618 // ISystemClock is what MemoryCacheOptions.Clock takes
    private sealed class CacheClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}
