using System.Text.Json;
using System.Threading.Channels;
using Kanban.Server.Events;
using Kanban.Server.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Server.Realtime;

/// <summary>
/// Sends committed events to their board's room, one board's events strictly in the order
/// they were handed over (seq order), different boards in parallel: each board always goes
/// through the same one of a few lanes, and each lane sends one event at a time.
/// </summary>
public sealed class EventDispatcher(IHubContext<BoardHub> hub, BoardRooms rooms, KanbanMetrics metrics, ILogger<EventDispatcher> logger)
    : BackgroundService, IEventPublisher
{
    private readonly Channel<BoardEvent>[] _lanes = Enumerable.Range(0, Math.Max(4, Environment.ProcessorCount * 2))
        .Select(_ => Channel.CreateUnbounded<BoardEvent>(new UnboundedChannelOptions { SingleReader = true }))
        .ToArray();

    public void Publish(IReadOnlyList<BoardEvent> events)
    {
        foreach (var e in events)
            _lanes[(e.BoardId.GetHashCode() & int.MaxValue) % _lanes.Length].Writer.TryWrite(e);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => DrainAsync(lane.Reader, stoppingToken)));

    private async Task DrainAsync(ChannelReader<BoardEvent> lane, CancellationToken ct)
    {
        await foreach (var e in lane.ReadAllAsync(ct))
        {
            try
            {
                await SendAsync(e);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Clients see the gap at the next event or on reconnect and read it from the log.
                metrics.BackplaneError("send");
                logger.LogError(ex, "Sending event {Seq} of board {BoardId} failed", e.Seq, e.BoardId);
            }
        }
    }

    private async Task SendAsync(BoardEvent e)
    {
        var payload = Wire.FromJson(e.Payload);
        var affected = AffectedUsers(e);
        IReadOnlyList<string> putOut = [];
        // Whoever an event puts out of the room hears it first, directly, and nothing after it.
        if (e.Type == MemberRemoved.Name)
            putOut = await rooms.PutOutAsync(e.BoardId, affected[0], e.Type, payload);
        else if (e.Type == BoardDeleted.Name)
            putOut = await rooms.PutOutAsync(e.BoardId, null, e.Type, payload);
        await hub.Clients.Group(BoardRooms.Group(e.BoardId)).SendAsync(e.Type, payload);
        // The member added (or whose role changed) or removed, and every member of a deleted
        // board, hears it on every connection, so a board list shows it without joining the board.
        foreach (var userId in affected)
            await rooms.TellUserAsync(e.BoardId, userId, e.Type, payload, putOut);
        metrics.Published();
    }

    /// <summary>The users whose own list of boards an event changes.</summary>
    private static IReadOnlyList<string> AffectedUsers(BoardEvent e) =>
        e.Type == MemberAdded.Name ? [Read<MemberAdded>(e).Member.User.Id]
        : e.Type == MemberRemoved.Name ? [Read<MemberRemoved>(e).UserId]
        : e.Type == BoardDeleted.Name ? Read<BoardDeleted>(e).MemberIds
        : [];

    private static T Read<T>(BoardEvent e) => JsonSerializer.Deserialize<T>(e.Payload, ContractJson.Options)!;
}
