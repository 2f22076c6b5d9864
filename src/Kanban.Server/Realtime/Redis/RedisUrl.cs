using StackExchange.Redis;

namespace Kanban.Server.Realtime.Redis;

public static class RedisUrl
{
    /// <summary>
    /// redis://[[user]:password@]host[:port][/db] (rediss:// for TLS) → client options tuned for a
    /// backplane: start even when Redis is down, reconnect quickly, and fail a send at once while
    /// disconnected rather than queue it — the log, not the socket, is the truth.
    /// </summary>
    public static ConfigurationOptions Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss") || uri.Host.Length == 0)
            throw new InvalidOperationException("REDIS_URL must look like redis://host:port.");
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            ConnectTimeout = 2_000,
            AsyncTimeout = 2_000,
            SyncTimeout = 2_000,
            KeepAlive = 5,
            ReconnectRetryPolicy = new LinearRetry(500),
            BacklogPolicy = BacklogPolicy.FailFast,
            Ssl = uri.Scheme == "rediss",
            ClientName = "kanban",
        };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            if (parts.Length == 2)
            {
                if (parts[0].Length > 0)
                    options.User = Uri.UnescapeDataString(parts[0]);
                options.Password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                options.Password = Uri.UnescapeDataString(parts[0]);
            }
        }
        if (int.TryParse(uri.AbsolutePath.Trim('/'), out var db))
            options.DefaultDatabase = db;
        return options;
    }
}
