using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Kanban.Server.Realtime.Redis;

public static class RedisSetup
{
    /// <summary>
    /// REDIS_URL: SignalR's Redis backplane (rooms span every server), presence in Redis, the
    /// heartbeat that expires a dead server's viewers, and the repair after an outage.
    /// </summary>
    public static void AddRedisBackplane(this ISignalRServerBuilder signalR, IServiceCollection services)
    {
        services.AddSingleton<RedisLink>();
        signalR.AddStackExchangeRedis();
        services.AddOptions<RedisOptions>().Configure<RedisLink>((o, link) =>
            o.ConnectionFactory = _ => Task.FromResult(link.Connection));

        services.AddSingleton<RedisPresence>();
        services.AddSingleton<IPresence>(sp => sp.GetRequiredService<RedisPresence>());
        services.AddHostedService<PresenceHeartbeat>();
        services.AddHostedService<BackplaneRecovery>();
        services.AddHealthChecks().AddCheck<RedisReachable>("redis", tags: ["ready"]);
    }

    private sealed class RedisReachable(RedisLink redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await redis.Database.PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("Redis is not reachable.");
            }
        }
    }
}
