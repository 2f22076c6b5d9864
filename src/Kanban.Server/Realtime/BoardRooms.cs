using Kanban.Server.Boards;
using Kanban.Server.Events;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Server.Realtime;

/// <summary>
/// A board's room: the SignalR group that receives its events, and the presence of who is in
/// it. Joining, leaving and being put out all go through here so the two never disagree.
/// </summary>
public sealed class BoardRooms(IHubContext<BoardHub, IBoardClient> hub, IPresence presence, TimeProvider clock)
{
    public async Task JoinAsync(Guid boardId, string connectionId, UserView user)
    {
        await presence.JoinAsync(boardId, connectionId, user);
        await hub.Groups.AddToGroupAsync(connectionId, BoardClientExtensions.Group(boardId));
    }

    public async Task LeaveAsync(Guid boardId, string connectionId, bool announce = true)
    {
        await hub.Groups.RemoveFromGroupAsync(connectionId, BoardClientExtensions.Group(boardId));
        if (await presence.LeaveAsync(boardId, connectionId) && announce)
            await AnnouncePresenceAsync(boardId);
    }

    /// <summary>Puts a removed member's connections out of the room: they get nothing more from it.</summary>
    public async Task PutOutAsync(Guid boardId, string userId)
    {
        foreach (var connectionId in await presence.ConnectionsAsync(boardId, userId))
            await LeaveAsync(boardId, connectionId, announce: false);
        await AnnouncePresenceAsync(boardId);
    }

    /// <summary>Empties the room of a deleted board.</summary>
    public async Task CloseAsync(Guid boardId)
    {
        foreach (var connectionId in await presence.ConnectionsAsync(boardId))
            await LeaveAsync(boardId, connectionId, announce: false);
    }

    public async Task DisconnectedAsync(string connectionId)
    {
        foreach (var boardId in await presence.DisconnectAsync(connectionId))
            await AnnouncePresenceAsync(boardId);
    }

    public async Task<bool> SetEditingAsync(Guid boardId, string connectionId, Guid? taskId)
    {
        if (!await presence.SetEditingAsync(boardId, connectionId, taskId))
            return false;
        await AnnouncePresenceAsync(boardId);
        return true;
    }

    public async Task<object?> ViewersAsync(Guid boardId) => Wire.From(await presence.ViewersAsync(boardId));

    /// <summary>presence:changed is not logged: it has no seq, actor or origin.</summary>
    public async Task AnnouncePresenceAsync(Guid boardId)
    {
        var change = Wire.From(new
        {
            type = EventTypes.PresenceChanged,
            boardId,
            viewers = await presence.ViewersAsync(boardId),
            at = clock.GetUtcNow().UtcDateTime,
        })!;
        await hub.Clients.Group(BoardClientExtensions.Group(boardId)).PresenceChanged(change);
    }
}
