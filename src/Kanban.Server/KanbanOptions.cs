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
}
