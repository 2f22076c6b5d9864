using System.Collections.Concurrent;
using Kanban.Server.Boards;
using Kanban.Server.Events;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Server.Realtime;

/// <summary>
/// A board's room: the SignalR group that receives its events, and the presence of who is in
/// it. Joining, leaving and being put out all go through here so the two never disagree.
/// With the Redis backplane, the group and presence span every server.
/// </summary>
public sealed class BoardRooms(IHubContext<BoardHub> hub, IPresence presence, TimeProvider clock, ILogger<BoardRooms> logger)
{
    // Taking a connection of another server out of a group waits for that server's answer;
    // a server that died never answers, and its connections are gone anyway.
    private static readonly TimeSpan RemoteAnswer = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<Guid, byte> _announcing = new();

    /// <summary>What each room heard last from this server (its size sets the next settle time).</summary>
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<Viewer>> _told = new();

    public async Task JoinAsync(Guid boardId, string connectionId, UserView user)
    {
        await presence.JoinAsync(boardId, connectionId, user);
        await hub.Groups.AddToGroupAsync(connectionId, Group(boardId));
    }

    public async Task LeaveAsync(Guid boardId, string connectionId, bool announce = true)
    {
        try
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, Group(boardId)).WaitAsync(RemoteAnswer);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("No server answered for connection {ConnectionId}; taking it off board {BoardId} anyway", connectionId, boardId);
        }
        if (await presence.LeaveAsync(boardId, connectionId) && announce)
            AnnouncePresence(boardId);
    }

    /// <summary>
    /// Puts connections out of the room (a removed member's, or everyone's when the board is
    /// deleted) and then tells them why, directly: they hear that event once and nothing after
    /// it. Sending it through the room first would race the removal on other servers.
    /// </summary>
    /// <returns>Who was put out, so the caller does not send them the event again.</returns>
    public async Task<IReadOnlyList<string>> PutOutAsync(Guid boardId, string? userId, string type, object why)
    {
        var connections = await presence.ConnectionsAsync(boardId, userId);
        await Task.WhenAll(connections.Select(c => LeaveAsync(boardId, c, announce: false)));
        if (connections.Count > 0)
            await hub.Clients.Clients(connections).SendAsync(type, why);
        if (userId is not null)
            AnnouncePresence(boardId);
        return connections;
    }

    /// <summary>
    /// Sends a board's event to a user's connections outside its room (a board list, another
    /// board): the ones in the room hear it there, and <paramref name="heard"/> already got it.
    /// A connection joining meanwhile may hear it twice; clients drop the copy by seq.
    /// </summary>
    public async Task TellUserAsync(Guid boardId, string userId, string type, object payload, IReadOnlyList<string> heard)
    {
        var inRoom = await presence.ConnectionsAsync(boardId, userId);
        await hub.Clients.GroupExcept(UserGroups.Of(userId), [.. inRoom, .. heard]).SendAsync(type, payload);
    }

    public async Task DisconnectedAsync(string connectionId)
    {
        foreach (var boardId in await presence.DisconnectAsync(connectionId))
            AnnouncePresence(boardId);
    }

    public async Task<bool> SetEditingAsync(Guid boardId, string connectionId, Guid? taskId)
    {
        if (!await presence.SetEditingAsync(boardId, connectionId, taskId))
            return false;
        AnnouncePresence(boardId);
        return true;
    }

    public async Task<IReadOnlyList<Viewer>> ViewersAsync(Guid boardId) => await presence.ViewersAsync(boardId);

    /// <summary>
    /// Tells the room who is in it, soon, if that is news to it (<see cref="PresenceNews"/>).
    /// Changes within the settle time of each other make one announcement, read after the last
    /// of them: a crowd joining a board costs a few announcements, not one per person (each of
    /// which every viewer would receive).
    /// </summary>
    public void AnnouncePresence(Guid boardId)
    {
        if (_announcing.TryAdd(boardId, 0))
            _ = AnnounceSoonAsync(boardId);
    }

    private async Task AnnounceSoonAsync(Guid boardId)
    {
        try
        {
            var told = _told.GetValueOrDefault(boardId);
            await Task.Delay(PresenceNews.Settle(told?.Sum(v => v.Connections) ?? 0));
            _announcing.TryRemove(boardId, out _); // before reading: a change from here on announces again
            await SendPresenceAsync(boardId, told);
        }
        catch (Exception e)
        {
            _announcing.TryRemove(boardId, out _);
            logger.LogWarning(e, "Announcing the viewers of board {BoardId} failed", boardId);
        }
    }

    /// <summary>presence:changed is not logged: it has no seq, actor or origin.</summary>
    private async Task SendPresenceAsync(Guid boardId, IReadOnlyList<Viewer>? told)
    {
        var viewers = await presence.ViewersAsync(boardId);
        if (viewers.Count == 0)
            _told.TryRemove(boardId, out _);
        if (!PresenceNews.IsNews(told, viewers))
            return;
        if (viewers.Count > 0)
            _told[boardId] = viewers;
        var change = new PresenceChanged(boardId, viewers, clock.GetUtcNow().UtcDateTime);
        await hub.Clients.Group(Group(boardId)).SendAsync(PresenceChanged.Name, Wire.From(change));
    }

    /// <summary>The SignalR group of a board's room.</summary>
    public static string Group(Guid boardId) => $"board:{boardId}";
}
