using Kanban.Server.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Realtime.Redis;

/// <summary>
/// Repairs this server's rooms when Redis comes back after an outage. While it was away, events
/// were committed but not delivered, presence may have been lost (Redis keeps nothing across a
/// restart), and a member may have been removed without the servers hearing it. So, for each
/// board this server's connections are in: close the connections of users who are no longer
/// members (their clients reconnect and are refused), write presence again, and send each
/// remaining connection the board's newest logged event straight from here — a client that
/// missed anything sees the gap before it and fills it from the log. The replay runs once more
/// a moment later, for events sent while Redis subscriptions were still being restored.
/// </summary>
public sealed class BackplaneRecovery(
    RedisLink redis, RedisPresence presence, BoardRooms rooms, HubConnections open,
    IHubContext<BoardHub> hub, IServiceScopeFactory scopes, ILogger<BackplaneRecovery> logger) : IHostedService
{
    private static readonly TimeSpan ReplayAgainAfter = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.Restored += OnRestored;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        redis.Restored -= OnRestored;
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private void OnRestored() => _ = RecoverAsync();

    private async Task RecoverAsync()
    {
        try
        {
            await RepairAsync(_stopping.Token);
            await Task.Delay(ReplayAgainAfter, _stopping.Token);
            await RepairAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Repairing rooms after the Redis outage failed; clients catch up at their next event or reconnect");
        }
    }

    private async Task RepairAsync(CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            var local = presence.Local();
            if (local.Count == 0)
                return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KanbanDb>();
            var boardIds = local.Keys.ToList();
            var members = (await db.Members.AsNoTracking().Where(m => boardIds.Contains(m.BoardId))
                    .Select(m => new { m.BoardId, m.UserId }).ToListAsync(ct))
                .Select(m => (m.BoardId, m.UserId)).ToHashSet();

            foreach (var (boardId, connections) in local)
            {
                foreach (var (connectionId, userId) in connections.Where(c => !members.Contains((boardId, c.UserId))))
                {
                    await rooms.LeaveAsync(boardId, connectionId, announce: false);
                    open.Abort(connectionId);
                }
            }
            await presence.RestoreAsync();

            var replayed = 0;
            foreach (var (boardId, connections) in presence.Local())
            {
                var newest = await db.Events.AsNoTracking().Where(e => e.BoardId == boardId)
                    .OrderByDescending(e => e.Seq).FirstOrDefaultAsync(ct);
                if (newest is not null)
                {
                    await hub.Clients.Clients(connections.Select(c => c.ConnectionId).ToList()).SendAsync(newest.Type, Wire.FromJson(newest.Payload));
                    replayed++;
                }
                rooms.AnnouncePresence(boardId);
            }
            logger.LogInformation("Redis is back: repaired the rooms of {Boards} boards on this server", replayed);
        }
        finally
        {
            _one.Release();
        }
    }
}
