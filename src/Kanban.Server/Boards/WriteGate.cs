namespace Kanban.Server.Boards;

/// <summary>
/// Queues this process's writers of one board, from the start of their transaction until
/// their events are handed to the dispatcher, so events leave the process in commit (seq)
/// order. The database's row lock still orders writers across processes.
/// With SQLite there is one gate for all boards: the file has one writer anyway, and waiting
/// here is a wake-up, where waiting on SQLite's busy handler is a sleep. There a writer that
/// queues here does not give up its place when its request is cancelled: the holder may have
/// left its transaction open for it to go on in (<see cref="CommitGroup"/>), and its change
/// then fails on the cancelled token, inside the transaction, as any failed change does.
/// </summary>
public sealed class WriteGate(bool oneWriterForAllBoards)
{
    private readonly Dictionary<Guid, Entry> _boards = [];
    private readonly Entry _all = new();

    public async ValueTask<Pass> EnterAsync(Guid boardId, CancellationToken ct)
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
        Interlocked.Increment(ref entry.Waiting);
        try
        {
            await entry.Lock.WaitAsync(oneWriterForAllBoards ? CancellationToken.None : ct);
        }
        catch
        {
            Forget(boardId, entry);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref entry.Waiting);
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

    internal sealed class Entry
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int Holders;
        public int Waiting;
    }

    /// <summary>The holder's place in the gate; disposing it lets the next writer in (once).</summary>
    public sealed class Pass : IDisposable
    {
        private readonly WriteGate _gate;
        private readonly Guid _boardId;
        private readonly Entry _entry;
        private int _released;

        internal Pass(WriteGate gate, Guid boardId, Entry entry) => (_gate, _boardId, _entry) = (gate, boardId, entry);

        /// <summary>Whether other writers queue behind the holder.</summary>
        public bool OthersWaiting => Volatile.Read(ref _entry.Waiting) > 0;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
                return;
            _entry.Lock.Release();
            _gate.Forget(_boardId, _entry);
        }
    }
}
