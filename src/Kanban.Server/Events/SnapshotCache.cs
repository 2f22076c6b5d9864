using Kanban.Server.Realtime;
using Microsoft.Extensions.Caching.Memory;

namespace Kanban.Server.Events;

/// <summary>
/// Whole-board snapshots as sent, by board and seq. Every change to what a snapshot shows bumps
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

    // Bytes of JSON held at most; a board of 2,000 tasks with their detail is about 3 MB.
    private const long MaxBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _entries;

    public SnapshotCache(TimeProvider clock) =>
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxBytes, Clock = new CacheClock(clock) });

    public async Task<Wire> GetOrReadAsync(Guid boardId, long seq, bool ownerView, Func<Task<Wire>> read)
    {
        var key = (boardId, seq, ownerView);
        if (_entries.TryGetValue(key, out Wire? known))
            return known!;
        var snapshot = await read();
        _entries.Set(key, snapshot, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, snapshot.Utf8.Length),
            AbsoluteExpirationRelativeToNow = MaxAge,
        });
        return snapshot;
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
