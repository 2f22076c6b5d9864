using Microsoft.Extensions.Configuration;

namespace Kanban.Server;

/// <summary>
/// The server's settings, read in one place: each is an environment variable of the same name
/// (or that key in appsettings.json; see the README's table). Bound once at start-up by
/// <see cref="KanbanOptionsSetup"/>, checked there, and handed to whatever needs them.
/// </summary>
public sealed class KanbanOptions
{
    /// <summary>Listen on http://localhost:PORT, unless ASPNETCORE_URLS (<see cref="Urls"/>) says otherwise.</summary>
    [ConfigurationKeyName("PORT")] public int Port { get; set; } = 8080;

    /// <summary>ASP.NET Core's own listen addresses (ASPNETCORE_URLS), semicolon-separated.</summary>
    [ConfigurationKeyName("urls")] public string? Urls { get; set; }

    /// <summary>The SQLite database's folder, relative to the working directory.</summary>
    [ConfigurationKeyName("DATA_DIR")] public string DataDir { get; set; } = "data";

    /// <summary>postgres://user:pass@host:port/db: PostgreSQL instead of SQLite.</summary>
    [ConfigurationKeyName("DATABASE_URL")] public string? DatabaseUrl { get; set; }

    /// <summary>The same as an Npgsql connection string (ConnectionStrings__Postgres); DATABASE_URL wins.</summary>
    [ConfigurationKeyName("ConnectionStrings:Postgres")] public string? PostgresConnectionString { get; set; }

    /// <summary>Events kept per board; a client further behind gets a fresh snapshot.</summary>
    [ConfigurationKeyName("EVENT_RETENTION")] public int EventRetention { get; set; } = 10_000;

    /// <summary>Days a board's history (its activity) is kept, whatever <see cref="EventRetention"/> keeps of the event log.</summary>
    [ConfigurationKeyName("HISTORY_DAYS")] public int HistoryDays { get; set; } = 365;
    /// <summary>Days a deleted task or column stays in its board's trash (restorable) before it is purged for good.</summary>
    [ConfigurationKeyName("TRASH_DAYS")] public int TrashDays { get; set; } = 30;

    /// <summary>Comma-separated browser origins allowed by CORS, with credentials.</summary>
    [ConfigurationKeyName("CLIENT_URL")] public string? ClientUrl { get; set; }

    /// <summary>Mutations per second per user; 0 turns the limit off.</summary>
    [ConfigurationKeyName("RATE_LIMIT_PER_SECOND")] public int RateLimitPerSecond { get; set; } = 100;
    [ConfigurationKeyName("RATE_LIMIT_BURST")] public int RateLimitBurst { get; set; } = 200;

    /// <summary>
    /// The most one GraphQL answer may hold; a request that would answer more is refused with
    /// VALIDATION. The cost budget refuses most such requests before they run; this is the backstop.
    /// </summary>
    [ConfigurationKeyName("GRAPHQL_MAX_RESPONSE_BYTES")] public long GraphQLMaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses or CIDR
    /// ranges, comma-separated. Loopback by default (nginx on the same machine); empty believes none.
    /// </summary>
    [ConfigurationKeyName("TRUSTED_PROXIES")] public string TrustedProxies { get; set; } = "127.0.0.1/8, ::1";

    /// <summary>
    /// Where /metrics is served, e.g. http://10.0.0.5:9464, a listener of its own so that the app's
    /// port never answers it. Unset: no metrics endpoint (OTLP export still works).
    /// </summary>
    [ConfigurationKeyName("METRICS_URL")] public string? MetricsUrl { get; set; }

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

    /// <summary>Export metrics and mutation traces over OTLP here (the other standard OTEL_* variables apply).</summary>
    [ConfigurationKeyName("OTEL_EXPORTER_OTLP_ENDPOINT")] public string? OtlpEndpoint { get; set; }

    /// <summary>The listen addresses: <see cref="Urls"/> or http://localhost:PORT, then <see cref="MetricsUrl"/>.</summary>
    public string ListenUrls => (Urls is { Length: > 0 } urls ? urls : $"http://localhost:{Port}")
                                + (MetricsUrl is { Length: > 0 } metrics ? ";" + metrics : "");

    public IReadOnlyList<string> ClientOrigins =>
        (ClientUrl ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
