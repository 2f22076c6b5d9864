using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Tests.Support;

/// <summary>
/// What one server records on one of its instruments, read in process from its own meter (not
/// another server's in the same test process), each measurement with its first tag's value.
/// </summary>
public sealed class ServerMeasurements<T> : IDisposable where T : struct
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(T Value, string? Tag)> _recorded = new();

    public ServerMeasurements(KanbanServer server, string instrument)
    {
        var factory = server.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Name == instrument && ReferenceEquals(published.Meter.Scope, factory))
                listener.EnableMeasurementEvents(published);
        };
        _listener.SetMeasurementEventCallback<T>((_, value, tags, _) =>
            _recorded.Enqueue((value, tags.Length > 0 ? tags[0].Value?.ToString() : null)));
        _listener.Start();
    }

    public IReadOnlyList<T> Recorded => _recorded.Select(r => r.Value).ToList();

    /// <summary>The sum of the measurements whose first tag is <paramref name="tag"/>: a counter's count for it.</summary>
    public double Sum(string tag) => _recorded.Where(r => r.Tag == tag).Sum(r => Convert.ToDouble(r.Value));

    /// <summary>The sum of every measurement: a counter's count.</summary>
    public double Total => _recorded.Sum(r => Convert.ToDouble(r.Value));

    public void Dispose() => _listener.Dispose();
}
