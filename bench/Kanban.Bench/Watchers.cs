using System.Collections.Concurrent;
using System.Text.Json;
using Kanban.Client;

namespace Kanban.Bench;

/// <summary>
/// When each request went out, by the unique <c>X-Client-Id</c> it carried: the events it causes
/// carry the same string as <c>origin</c>, which is how a watcher times a delivery.
/// </summary>
public sealed class Origins
{
    private readonly ConcurrentDictionary<string, Sent> _sent = new(StringComparer.Ordinal);
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8];
    private long _next;

    public sealed class Sent(long at, bool recorded)
    {
        public long At { get; set; } = at;
        public bool Recorded { get; } = recorded;
    }

    /// <summary>A fresh origin, stamped with the current time (call again with <see cref="Stamp"/> right before sending).</summary>
    public string New(bool recorded)
    {
        var origin = $"bench-{_prefix}-{Interlocked.Increment(ref _next)}";
        _sent[origin] = new Sent(Clock.Now, recorded);
        return origin;
    }

    public void Stamp(string origin) => _sent[origin].At = Clock.Now;

    public Sent? Find(string? origin) => origin is not null && _sent.TryGetValue(origin, out var sent) ? sent : null;
}

/// <summary>
/// One watcher: a hub connection joined to a board, checking the seq of every event it receives
/// (gaps, repeats) and timing the deliveries of requests it can match by origin.
/// </summary>
public sealed class Watcher
{
    private long _lastSeq;
    private long _events;
    private long _gaps;
    private long _missing;
    private long _repeats;

    private Watcher(BoardConnection connection, string boardId) => (Connection, BoardId) = (connection, boardId);

    public BoardConnection Connection { get; }
    public string BoardId { get; }
    public long LastSeq => Volatile.Read(ref _lastSeq);
    public long Events => Volatile.Read(ref _events);
    public long Gaps => Volatile.Read(ref _gaps);
    public long Missing => Volatile.Read(ref _missing);
    public long Repeats => Volatile.Read(ref _repeats);

    /// <summary>Called on the connection's receive loop (one event at a time per connection), with the receive time.</summary>
    public Action<Watcher, JsonElement, long>? OnLogged { get; set; }

    public static async Task<Watcher> JoinAsync(BenchUser user, string boardId, Action<Watcher, JsonElement, long>? onLogged)
    {
        var connection = await user.ConnectAsync();
        connection.DiscardQueue();
        var watcher = new Watcher(connection, boardId) { OnLogged = onLogged };
        connection.OnEvent = watcher.Handle;
        var answer = await connection.JoinAsync(boardId, null);
        // Nothing is written while watchers join, so the answer's seq is where the stream starts.
        Volatile.Write(ref watcher._lastSeq, Math.Max(watcher.LastSeq, answer.GetProperty("seq").GetInt64()));
        return watcher;
    }

    private void Handle(JsonElement e)
    {
        var now = Clock.Now;
        if (!e.TryGetProperty("seq", out var s))
            return; // presence: not logged, no seq
        var seq = s.GetInt64();
        var last = _lastSeq;
        if (seq <= last)
        {
            Interlocked.Increment(ref _repeats);
        }
        else
        {
            if (seq > last + 1)
            {
                Interlocked.Increment(ref _gaps);
                Interlocked.Add(ref _missing, seq - last - 1);
            }
            Volatile.Write(ref _lastSeq, seq);
        }
        Interlocked.Increment(ref _events);
        OnLogged?.Invoke(this, e, now);
    }

    /// <summary>Connects and joins <paramref name="count"/> watchers of a board, a few at a time.</summary>
    public static async Task<List<Watcher>> JoinManyAsync(
        BenchUser user, string boardId, int count, Action<Watcher, JsonElement, long>? onLogged, CancellationToken ct, int concurrency = 16)
    {
        var watchers = new Watcher[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (i, _) => watchers[i] = await JoinAsync(user, boardId, onLogged));
        return watchers.ToList();
    }

    public static async Task DisposeAllAsync(IEnumerable<BoardConnection> connections, int concurrency = 64)
    {
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (c, token) =>
        {
            try
            {
                await c.DisposeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                GC.KeepAlive(e); // closing is best effort
            }
        });
    }
}
