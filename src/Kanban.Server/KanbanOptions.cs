using Microsoft.Extensions.Configuration;

namespace Kanban.Server;

/// <summary>The server's settings. Each is an environment variable of the same name (see README).</summary>
public sealed class KanbanOptions
{
    [ConfigurationKeyName("DATA_DIR")] public string DataDir { get; set; } = "data";
    [ConfigurationKeyName("DATABASE_URL")] public string? DatabaseUrl { get; set; }
    [ConfigurationKeyName("EVENT_RETENTION")] public int EventRetention { get; set; } = 10_000;
    [ConfigurationKeyName("CLIENT_URL")] public string? ClientUrl { get; set; }

    /// <summary>Mutations per second per user; 0 turns the limit off.</summary>
    [ConfigurationKeyName("RATE_LIMIT_PER_SECOND")] public int RateLimitPerSecond { get; set; } = 100;
    [ConfigurationKeyName("RATE_LIMIT_BURST")] public int RateLimitBurst { get; set; } = 200;

    /// <summary>Requests to /auth per minute per client address; 0 turns the limit off.</summary>
    [ConfigurationKeyName("AUTH_RATE_LIMIT_PER_MINUTE")] public int AuthRateLimitPerMinute { get; set; } = 30;

    /// <summary>Requests to /auth a client address may send at once before the rate applies.</summary>
    [ConfigurationKeyName("AUTH_RATE_LIMIT_BURST")] public int AuthRateLimitBurst { get; set; } = 10;

    /// <summary>redis://host:port: the SignalR backplane and shared presence, for several servers.</summary>
    [ConfigurationKeyName("REDIS_URL")] public string? RedisUrl { get; set; }

    /// <summary>Prefix of every Redis channel and key, so deployments can share one Redis.</summary>
    [ConfigurationKeyName("REDIS_PREFIX")] public string RedisPrefix { get; set; } = "kanban";

    /// <summary>This server's name in the X-Kanban-Node header, metrics and traces.</summary>
    [ConfigurationKeyName("NODE_NAME")] public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>
    /// With Redis: how long a viewer's presence outlives the last heartbeat of its server. Servers
    /// renew every third of it, so a dead server's viewers are gone within 4/3 of it.
    /// </summary>
    [ConfigurationKeyName("PRESENCE_TTL_SECONDS")] public int PresenceTtlSeconds { get; set; } = 15;
}
