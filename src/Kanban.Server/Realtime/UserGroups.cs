namespace Kanban.Server.Realtime;

/// <summary>
/// Every connection of a user is in that user's SignalR group from the moment it connects,
/// whether or not it joined a board: how a board list hears, without joining anything, that
/// the user was added to a board or removed from one. With the Redis backplane the group
/// spans every server, like the board rooms.
/// </summary>
public static class UserGroups
{
    /// <summary>The SignalR group of one user's connections.</summary>
    public static string Of(string userId) => $"user:{userId}";
}
