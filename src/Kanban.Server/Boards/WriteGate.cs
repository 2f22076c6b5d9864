namespace Kanban.Server.Boards;

/// <summary>
/// Queues this process's writers of one board, from the start of their transaction until
/// their events are handed to the dispatcher, so events leave the process in commit (seq)
/// order. The database's row lock still orders writers across processes.
/// With SQLite there is one gate for all boards: the file has one writer anyway, and waiting
/// here is a wake-up, where waiting on SQLite's busy handler is a sleep.
/// </summary>
public sealed class WriteGate(bool oneWriterForAllBoards)
{
    private readonly Dictionary<Guid, Entry> _boards = [];
    private readonly Entry _all = new();

    public async ValueTask<IDisposable> EnterAsync(Guid boardId, CancellationToken ct)
    {
        var entry = _all;
        if (!oneWriterForAllBoards)
        {
            lock (_boards)
            {
                if (!_boards.TryGetValue(boardId, out entry))
                    _boards[boardId] = entry = new Entry();
                entry.Holders++;
            }
        }
        try
        {
            await entry.Lock.WaitAsync(ct);
        }
        catch
        {
            Forget(boardId, entry);
            throw;
        }
        return new Pass(this, boardId, entry);
    }

    private void Forget(Guid boardId, Entry entry)
    {
        if (oneWriterForAllBoards)
            return;
        lock (_boards)
        {
            if (--entry.Holders == 0)
                _boards.Remove(boardId);
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int Holders;
    }

    private sealed class Pass(WriteGate gate, Guid boardId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
                return;
            entry.Lock.Release();
            gate.Forget(boardId, entry);
        }
    }
}
