using System.Text.Json;

namespace Kanban.Client;

/// <summary>
/// Keeps a <see cref="BoardReplica"/> current from a live stream of events that may arrive
/// twice, late or out of order: events at or below the replica's seq are dropped, early ones
/// wait until the gap before them fills, and a gap still open after <see cref="GapWait"/> is
/// filled from the board's log.
/// </summary>
public sealed class BoardFeed(BoardReplica replica, Func<long, Task<IReadOnlyList<JsonElement>>> readLogAfter)
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, JsonElement> _early = [];
    private readonly List<(long Seq, TaskCompletionSource Done)> _waiters = [];
    private bool _filling;

    public BoardReplica Replica { get; private set; } = replica;
    public TimeSpan GapWait { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gaps that had to be filled from the log.</summary>
    public int GapsFilled { get; private set; }

    /// <summary>Called with every received event, in whatever order the socket delivered them.</summary>
    public void Receive(JsonElement e)
    {
        var seq = e.GetProperty("seq").GetInt64();
        var startFill = false;
        lock (_lock)
        {
            if (seq <= Replica.Seq)
                return;
            _early[seq] = e.Clone();
            Drain();
            if (_early.Count > 0 && !_filling)
                startFill = _filling = true;
        }
        if (startFill)
            _ = FillGapAsync();
    }

    /// <summary>Replaces the replica (a snapshot from JoinBoard, or after a reset).</summary>
    public void Reset(BoardReplica fresh)
    {
        lock (_lock)
        {
            Replica = fresh;
            foreach (var stale in _early.Keys.Where(s => s <= fresh.Seq).ToList())
                _early.Remove(stale);
            Drain();
        }
    }

    /// <summary>Reads the replica while no event is being applied.</summary>
    public T Read<T>(Func<BoardReplica, T> read)
    {
        lock (_lock)
            return read(Replica);
    }

    /// <summary>Completes when the replica has reached <paramref name="seq"/>.</summary>
    public Task WaitForSeqAsync(long seq, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (Replica.Seq >= seq)
                return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((seq, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    private void Drain()
    {
        while (_early.Remove(Replica.Seq + 1, out var next))
            Replica.Apply(next);
        foreach (var waiter in _waiters.Where(w => w.Seq <= Replica.Seq).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Done.TrySetResult();
        }
    }

    private async Task FillGapAsync()
    {
        await Task.Delay(GapWait);
        long from;
        lock (_lock)
        {
            if (_early.Count == 0)
            {
                _filling = false;
                return;
            }
            from = Replica.Seq;
        }

        IReadOnlyList<JsonElement> missing = [];
        try
        {
            missing = await readLogAfter(from);
        }
        finally
        {
            bool again;
            lock (_lock)
            {
                foreach (var e in missing)
                {
                    var seq = e.GetProperty("seq").GetInt64();
                    if (seq > Replica.Seq)
                        _early[seq] = e.Clone();
                }
                if (missing.Count > 0)
                    GapsFilled++;
                Drain();
                again = _early.Count > 0;
                _filling = again;
            }
            if (again)
                _ = FillGapAsync();
        }
    }
}
