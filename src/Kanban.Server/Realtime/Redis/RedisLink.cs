using Kanban.Server.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Kanban.Server.Realtime.Redis;

/// <summary>
/// This server's one connection to Redis, shared by the SignalR backplane and presence. It
/// tells <see cref="Restored"/> when Redis is back after an outage, so rooms can be repaired.
/// </summary>
public sealed class RedisLink : IDisposable
{
    private readonly ILogger<RedisLink> _logger;
    private readonly KanbanMetrics _metrics;

    public RedisLink(IOptions<KanbanOptions> options, KanbanMetrics metrics, ILogger<RedisLink> logger)
    {
        _logger = logger;
        _metrics = metrics;
        Prefix = options.Value.RedisPrefix;
        var config = RedisUrl.Parse(options.Value.RedisUrl!);
        // Channels carry the prefix too, so deployments sharing one Redis never hear each other.
        config.ChannelPrefix = RedisChannel.Literal(Prefix + ":");
        Connection = ConnectionMultiplexer.Connect(config);
        Connection.ConnectionFailed += OnFailed;
        Connection.ConnectionRestored += OnRestored;
        if (!Connection.IsConnected)
            logger.LogWarning("Redis at {Endpoints} is not reachable yet; retrying", string.Join(", ", config.EndPoints));
    }

    public IConnectionMultiplexer Connection { get; }
    public string Prefix { get; }
    public IDatabase Database => Connection.GetDatabase();

    /// <summary>Raised (on a pool thread) when a lost connection to Redis is back.</summary>
    public event Action? Restored;

    private void OnFailed(object? sender, ConnectionFailedEventArgs e)
    {
        _metrics.BackplaneError("connection");
        _logger.LogWarning(e.Exception, "Lost the {Type} connection to Redis ({Failure})", e.ConnectionType, e.FailureType);
    }

    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        _logger.LogInformation("The {Type} connection to Redis is back", e.ConnectionType);
        if (e.ConnectionType == ConnectionType.Subscription)
            Restored?.Invoke();
    }

    public void Dispose() => Connection.Dispose();
}
