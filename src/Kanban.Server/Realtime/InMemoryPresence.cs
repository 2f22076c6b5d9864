using Kanban.Server.Boards;
using Kanban.Server.Telemetry;

namespace Kanban.Server.Realtime;

/// <summary>Presence for one server process.</summary>
public sealed class InMemoryPresence(KanbanMetrics metrics) : IPresence
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Dictionary<string, Entry>> _boards = [];
    private readonly Dictionary<string, HashSet<Guid>> _connections = [];
    private long _stamp;

    // Editing is per connection; a user's indicator is that of their latest SetEditing.
    private sealed record Entry(UserView User, Guid? Editing, long EditedAt);

    public ValueTask JoinAsync(Guid boardId, string connectionId, UserView user)
    {
        lock (_lock)
        {
            if (!_boards.TryGetValue(boardId, out var board))
                _boards[boardId] = board = [];
            if (board.TryAdd(connectionId, new Entry(user, null, 0)))
                metrics.Joined();
            if (!_connections.TryGetValue(connectionId, out var boards))
                _connections[connectionId] = boards = [];
            boards.Add(boardId);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> LeaveAsync(Guid boardId, string connectionId)
    {
        lock (_lock)
            return ValueTask.FromResult(Remove(boardId, connectionId));
    }

    public ValueTask<bool> SetEditingAsync(Guid boardId, string connectionId, Guid? taskId)
    {
        lock (_lock)
        {
            if (!_boards.TryGetValue(boardId, out var board) || !board.TryGetValue(connectionId, out var entry))
                return ValueTask.FromResult(false);
            board[connectionId] = entry with { Editing = taskId, EditedAt = ++_stamp };
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<IReadOnlyList<Guid>> DisconnectAsync(string connectionId)
    {
        lock (_lock)
        {
            if (!_connections.TryGetValue(connectionId, out var boards))
                return ValueTask.FromResult<IReadOnlyList<Guid>>([]);
            var left = boards.ToList();
            foreach (var boardId in left)
                Remove(boardId, connectionId);
            return ValueTask.FromResult<IReadOnlyList<Guid>>(left);
        }
    }

    public ValueTask<IReadOnlyList<string>> ConnectionsAsync(Guid boardId, string? userId = null)
    {
        lock (_lock)
        {
            IReadOnlyList<string> connections = _boards.TryGetValue(boardId, out var board)
                ? board.Where(c => userId is null || c.Value.User.Id == userId).Select(c => c.Key).ToList()
                : [];
            return ValueTask.FromResult(connections);
        }
    }

    public ValueTask<IReadOnlyList<Viewer>> ViewersAsync(Guid boardId)
    {
        lock (_lock)
        {
            IReadOnlyList<Viewer> viewers = !_boards.TryGetValue(boardId, out var board) ? [] : board.Values
                .GroupBy(e => e.User.Id)
                .Select(g => new Viewer(g.First().User, g.Count(), g.MaxBy(e => e.EditedAt)!.Editing))
                .OrderBy(v => v.User.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.User.Id, StringComparer.Ordinal)
                .ToList();
            return ValueTask.FromResult(viewers);
        }
    }

    private bool Remove(Guid boardId, string connectionId)
    {
        if (!_boards.TryGetValue(boardId, out var board) || !board.Remove(connectionId))
            return false;
        metrics.Left();
        if (board.Count == 0)
            _boards.Remove(boardId);
        if (_connections.TryGetValue(connectionId, out var boards) && boards.Remove(boardId) && boards.Count == 0)
            _connections.Remove(connectionId);
        return true;
    }
}
