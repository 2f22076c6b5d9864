using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Events;
using Kanban.Server.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Server.Realtime;

/// <summary>
/// The board hub is thin: it puts connections into board rooms and tells them how to catch
/// up. Changes never arrive here; they come over GraphQL and leave through the dispatcher.
/// </summary>
public sealed class BoardHub(EventLog log, BoardReader boards, UserDirectory users, BoardRooms rooms, HubConnections open, KanbanMetrics metrics,
    ILogger<BoardHub> logger)
    : Hub
{
    private Caller Caller => new(Context.UserIdentifier ?? throw RefusalException.Unauthenticated(), null);

    public async Task<JoinAnswer> JoinBoard(string boardId, long? afterSeq)
    {
        var id = Limits.Id(boardId, "boardId");
        var caller = Caller;
        var ct = Context.ConnectionAborted;
        // Nothing of the board reaches a connection before its membership is known: a refused
        // join never touches the room.
        await boards.EnsureMemberAsync(id, caller, ct);
        var user = await users.ViewAsync(caller.UserId, ct);

        // Into the room, then read: an event committed meanwhile is both in the answer and
        // pushed (the client drops the copy by seq), never in neither. The read checks membership
        // again, so a removal racing this join either finds the connection in the room and puts
        // it out, or makes this read refuse and take it out again.
        CatchUp catchUp;
        try
        {
            await rooms.JoinAsync(id, Context.ConnectionId, user);
            catchUp = await log.CatchUpAsync(id, caller, afterSeq, ct);
        }
        catch
        {
            await rooms.LeaveAsync(id, Context.ConnectionId, announce: false);
            throw;
        }
        metrics.CaughtUp(snapshot: catchUp.Snapshot is not null);
        rooms.AnnouncePresence(id);

        return new JoinAnswer(
            catchUp.Seq,
            catchUp.Events.Select(e => Wire.FromJson(e.Payload)).ToList(),
            catchUp.Snapshot,
            Wire.From(await rooms.ViewersAsync(id)));
    }

    public Task LeaveBoard(string boardId) =>
        rooms.LeaveAsync(Limits.Id(boardId, "boardId"), Context.ConnectionId);

    /// <summary>The task this connection's user has open, or null; only on a board it joined.</summary>
    public async Task SetEditing(string boardId, string? taskId)
    {
        var id = Limits.Id(boardId, "boardId");
        var task = taskId is null ? (Guid?)null : Limits.Id(taskId, "taskId");
        if (task is { } named)
        {
            // Only a member learns whether a task is on the board.
            await boards.EnsureMemberAsync(id, Caller, Context.ConnectionAborted);
            if (!await boards.HasTaskAsync(id, named, Context.ConnectionAborted))
                throw RefusalException.NotFound("Task");
        }
        if (!await rooms.SetEditingAsync(id, Context.ConnectionId, task))
            throw RefusalException.Forbidden("Join the board first.");
    }

    public override async Task OnConnectedAsync()
    {
        open.Opened(Context);
        // The hub requires a signed-in user, so the identifier is always there.
        try
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroups.Of(Caller.UserId), Context.ConnectionAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Redis away: the connection still serves its boards as before; only its user's board
            // list misses live changes until it reconnects (the list is read again then).
            logger.LogWarning(e, "Connection {ConnectionId} could not join its user's group", Context.ConnectionId);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        open.Closed(Context.ConnectionId);
        await rooms.DisconnectedAsync(Context.ConnectionId);
    }
}
