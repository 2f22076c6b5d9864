using System.Net;
using Microsoft.Extensions.Options;

namespace Kanban.Server;

public static class KanbanOptionsSetup
{
    /// <summary>
    /// Reads the settings once, refuses to start on a wrong one (naming the variable and what it
    /// must be), and registers them as <c>IOptions&lt;KanbanOptions&gt;</c> for the services that
    /// read them later. Everything that shapes the services at start-up gets them passed in.
    /// </summary>
    public static KanbanOptions AddKanbanOptions(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.Get<KanbanOptions>() ?? new KanbanOptions();
        var problems = Problems(options).ToList();
        if (problems.Count > 0)
            throw new OptionsValidationException(nameof(KanbanOptions), typeof(KanbanOptions), problems);
        builder.Services.AddSingleton(Options.Create(options));
        return options;
    }

    /// <summary>What is wrong with the settings, one sentence per variable.</summary>
    public static IEnumerable<string> Problems(KanbanOptions o)
    {
        if (o.Port is < 1 or > 65535)
            yield return "PORT must be 1 to 65535.";
        if (string.IsNullOrWhiteSpace(o.DataDir))
            yield return "DATA_DIR must name a folder.";
        if (o.DatabaseUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var db) && db.Scheme is "postgres" or "postgresql"))
            yield return "DATABASE_URL must look like postgres://user:password@host:port/database.";
        if (o.EventRetention < 1)
            yield return "EVENT_RETENTION must be at least 1.";
        if (o.HistoryDays < 1)
            yield return "HISTORY_DAYS must be at least 1 (days of history kept).";
        if (o.TrashDays < 1)
            yield return "TRASH_DAYS must be at least 1 (days a deleted task or column can be restored).";
        foreach (var origin in o.ClientOrigins.Where(c => !IsHttpUrl(c)))
            yield return $"CLIENT_URL: '{origin}' is not an http:// or https:// origin.";
        if (o.RateLimitPerSecond < 0)
            yield return "RATE_LIMIT_PER_SECOND must be 0 (off) or more.";
        if (o.RateLimitBurst < 1)
            yield return "RATE_LIMIT_BURST must be at least 1.";
        if (o.AuthRateLimitPerMinute < 0)
            yield return "AUTH_RATE_LIMIT_PER_MINUTE must be 0 (off) or more.";
        if (o.AuthRateLimitBurst < 1)
            yield return "AUTH_RATE_LIMIT_BURST must be at least 1.";
        if (o.GraphQLMaxResponseBytes < 1024)
            yield return "GRAPHQL_MAX_RESPONSE_BYTES must be at least 1024.";
        foreach (var entry in TrustedProxyEntries(o).Where(e => !IPNetwork.TryParse(e, out _) && !IPAddress.TryParse(e, out _)))
            yield return $"TRUSTED_PROXIES: '{entry}' is neither an address nor a CIDR range.";
        if (o.MetricsUrl is { Length: > 0 } metrics && !IsHttpUrl(metrics))
            yield return "METRICS_URL must look like http://host:port.";
        if (o.RedisUrl is { Length: > 0 } redis && !(Uri.TryCreate(redis, UriKind.Absolute, out var r) && r.Scheme is "redis" or "rediss" && r.Host.Length > 0))
            yield return "REDIS_URL must look like redis://host:port.";
        if (string.IsNullOrWhiteSpace(o.RedisPrefix))
            yield return "REDIS_PREFIX must not be empty.";
        if (string.IsNullOrWhiteSpace(o.NodeName))
            yield return "NODE_NAME must not be empty.";
        if (o.PresenceTtlSeconds < 3)
            yield return "PRESENCE_TTL_SECONDS must be at least 3.";
    }

    public static IEnumerable<string> TrustedProxyEntries(KanbanOptions o) =>
        o.TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
