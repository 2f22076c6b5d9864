using System.Collections.Concurrent;
using Kanban.Server.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Server.Realtime;

/// <summary>This server's open hub connections, so one can be closed from outside the hub (after a Redis outage, say).</summary>
public sealed class HubConnections(KanbanMetrics metrics)
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public void Opened(HubCallerContext context)
    {
        if (_open.TryAdd(context.ConnectionId, context))
            metrics.Connected();
    }

    public void Closed(string connectionId)
    {
        if (_open.TryRemove(connectionId, out _))
            metrics.Disconnected();
    }

    public ICollection<HubCallerContext> Open => _open.Values;

    /// <summary>Closes a connection; its client reconnects and joins again, which checks it anew.</summary>
    public void Abort(string connectionId)
    {
        if (_open.TryGetValue(connectionId, out var context))
            context.Abort();
    }
}
