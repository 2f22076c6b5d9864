using Kanban.Contract;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kanban.Client;

/// <summary>A client's connection to the board hub: every pushed event, in arrival order, and the hub methods.</summary>
public sealed class BoardConnection : IAsyncDisposable
{
    /// <summary>The events of the contract, each a SignalR client method called with one object.</summary>
    public static IReadOnlyList<string> EventNames => BoardEvents.Names;

    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();

    private BoardConnection(HubConnection hub) => Hub = hub;

    public HubConnection Hub { get; }

    /// <summary>Every event received, with its name in <c>type</c> (presence included), in order of arrival.</summary>
    public ChannelReader<JsonElement> Received => _received.Reader;

    /// <summary>Called for each received event as it arrives, before it is queued in <see cref="Received"/>.</summary>
    public Action<JsonElement>? OnEvent { get; set; }

    public static async Task<BoardConnection> ConnectAsync(
        Uri server, Func<Task<string?>> accessToken, HttpTransportType transports = HttpTransportType.WebSockets,
        Action<IHubConnectionBuilder>? configure = null, Action<HttpConnectionOptions>? http = null)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/board"), o =>
        {
            o.AccessTokenProvider = accessToken;
            o.Transports = transports;
            o.SkipNegotiation = transports == HttpTransportType.WebSockets;
            http?.Invoke(o);
        });
        configure?.Invoke(builder);
        var connection = new BoardConnection(builder.Build());
        foreach (var name in EventNames)
            connection.Hub.On<JsonElement>(name, connection.Deliver);
        await connection.Hub.StartAsync();
        return connection;
    }

    /// <summary>Joins a board's room; the answer is the contract's {seq, events, snapshot, presence}.</summary>
    public Task<JsonElement> JoinAsync(string boardId, long? afterSeq) =>
        Hub.InvokeAsync<JsonElement>("JoinBoard", boardId, afterSeq);

    /// <summary>
    /// Joins a board with no state (so the answer is a snapshot) and keeps a replica of it from
    /// then on; events that arrive while the join is being answered are held and fed in after.
    /// </summary>
    /// <param name="readLogAfter">Reads the board's logged events after a seq (boardEvents), for gaps.</param>
    public async Task<BoardFeed> FollowAsync(string boardId, Func<long, Task<IReadOnlyList<JsonElement>>> readLogAfter)
    {
        var early = new List<JsonElement>();
        BoardFeed? feed = null;
        var gate = new Lock();
        OnEvent = e =>
        {
            if (!e.TryGetProperty("seq", out _) || e.GetProperty("boardId").GetString() != boardId)
                return; // presence carries no seq, and other boards are not this feed's
            lock (gate)
            {
                if (feed is null)
                    early.Add(e.Clone());
                else
                    feed.Receive(e);
            }
        };
        var answer = await JoinAsync(boardId, null);
        var created = new BoardFeed(BoardReplica.FromSnapshot(answer.GetProperty("snapshot")), readLogAfter);
        lock (gate)
        {
            feed = created;
            foreach (var e in early)
                feed.Receive(e);
        }
        return created;
    }

    public Task LeaveAsync(string boardId) => Hub.InvokeAsync("LeaveBoard", boardId);

    public Task SetEditingAsync(string boardId, string? taskId) => Hub.InvokeAsync("SetEditing", boardId, taskId);

    /// <summary>The next received event that matches, within the timeout.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var e = await _received.Reader.ReadAsync(cts.Token);
            if (match(e))
                return e;
        }
    }

    // Every pushed object names its own type, so one handler serves all event names.
    private void Deliver(JsonElement e)
    {
        OnEvent?.Invoke(e);
        _received.Writer.TryWrite(e.Clone());
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
