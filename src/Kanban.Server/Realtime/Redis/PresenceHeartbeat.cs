namespace Kanban.Server.Realtime.Redis;

/// <summary>
/// Renews this server's presence entries every third of their TTL, and announces again the
/// boards where another server's entries expired (that server died): its viewers drop out
/// within 4/3 of the TTL.
/// </summary>
public sealed class PresenceHeartbeat(RedisPresence presence, BoardRooms rooms, ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(presence.Ttl / 3);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var boardId in await presence.RenewAsync())
                    rooms.AnnouncePresence(boardId); // reading prunes the expired entries
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Presence heartbeat failed; retrying at the next beat");
            }
        }
    }
}
