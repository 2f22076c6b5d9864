using Kanban.Server.Boards;
using Kanban.Server.Realtime;
using Microsoft.Extensions.Caching.Memory;

namespace Kanban.Server.Events;

/// <summary>A whole board at one seq: as read (what the <c>board</c> query resolves) and as sent (the hub's snapshot).</summary>
public sealed record KeptBoard(BoardView View, Wire Wire);

/// <summary>
/// Whole-board snapshots, by board and seq. Every change to what a snapshot shows bumps
/// the board's seq, so an entry for a seq is exact, and a crowd opening one board (a meeting, a
/// class) reads and serializes it once, not once per person. Members' emails are shown to owners
/// only, so owners and the rest have one entry each.
///
/// A person's display name is the one thing a snapshot shows that changes without an event:
/// a name changed on this server forgets every entry at once; one changed on another server
/// (scale-out) shows here within <see cref="MaxAge"/>, as a reload of an open board shows it.
/// </summary>
public sealed class SnapshotCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    // Bytes held at most, counting each board twice its JSON (the objects it was made from are
    // kept too); a board of 2,000 tasks with their detail is about 3 MB of JSON.
    private const long MaxBytes = 128L * 1024 * 1024;

    private readonly MemoryCache _entries;

    public SnapshotCache(TimeProvider clock) =>
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxBytes, Clock = new CacheClock(clock) });

    public async Task<KeptBoard> GetOrReadAsync(Guid boardId, long seq, bool ownerView, Func<Task<BoardView>> read)
    {
        var key = (boardId, seq, ownerView);
        if (_entries.TryGetValue(key, out KeptBoard? known))
            return known!;
        var view = await read();
        var kept = new KeptBoard(view, Wire.From(view));
        _entries.Set(key, kept, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, 2L * kept.Wire.Utf8.Length),
            AbsoluteExpirationRelativeToNow = MaxAge,
        });
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
