using Kanban.Server.Boards;

namespace Kanban.Server.Realtime;

/// <summary>
/// Who is connected to which board. Kept behind this interface so that a shared store can
/// replace the in-memory one when several servers run.
/// </summary>
public interface IPresence
{
    ValueTask JoinAsync(Guid boardId, string connectionId, UserView user);

    /// <summary>False when the connection was not on the board.</summary>
    ValueTask<bool> LeaveAsync(Guid boardId, string connectionId);

    /// <summary>False when the connection is not on the board.</summary>
    ValueTask<bool> SetEditingAsync(Guid boardId, string connectionId, Guid? taskId);

    /// <summary>Takes the connection off every board; returns those boards.</summary>
    ValueTask<IReadOnlyList<Guid>> DisconnectAsync(string connectionId);

    /// <summary>The connections on a board, of one user or of everyone.</summary>
    ValueTask<IReadOnlyList<string>> ConnectionsAsync(Guid boardId, string? userId = null);

    ValueTask<IReadOnlyList<Viewer>> ViewersAsync(Guid boardId);
}
