using System.Text.Json;
using Kanban.Client;
using Microsoft.AspNetCore.Http.Connections;

namespace Kanban.Tests.Support;

/// <summary>Real SignalR clients of the test server, each keeping a replica of the board it follows.</summary>
public static class Live
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static string Token(this Api api) => api.Http.DefaultRequestHeaders.Authorization!.Parameter!;

    public static Task<BoardConnection> ConnectAsync(this KanbanServer server, Api api, HttpTransportType transport = HttpTransportType.WebSockets) =>
        BoardConnection.ConnectAsync(server.Address, () => Task.FromResult<string?>(api.Token()), transport);

    /// <summary>
    /// Joins a board with no state (so the answer is a snapshot) and keeps a replica of it from
    /// then on; events that arrive while the join is answered are held and fed in after.
    /// </summary>
    public static async Task<BoardFeed> FollowAsync(this BoardConnection connection, Api api, string boardId)
    {
        var early = new List<JsonElement>();
        BoardFeed? feed = null;
        var gate = new Lock();
        connection.OnEvent = e =>
        {
            if (!e.TryGetProperty("seq", out _) || e.Str("boardId") != boardId)
                return; // presence carries no seq, and other boards are not ours
            lock (gate)
            {
                if (feed is null)
                    early.Add(e.Clone());
                else
                    feed.Receive(e);
            }
        };
        var answer = await connection.JoinAsync(boardId, null);
        var created = new BoardFeed(BoardReplica.FromSnapshot(answer.GetProperty("snapshot")),
            async after => await api.EventsAsync(boardId, after) is var events ? events.Select(e => e.GetProperty("payload")).ToList() : []);
        lock (gate)
        {
            feed = created;
            foreach (var e in early)
                feed.Receive(e);
        }
        return created;
    }

    /// <summary>A round trip on the connection: whatever the server wrote to it before, it has now received.</summary>
    public static Task RoundTripAsync(this BoardConnection connection) =>
        connection.LeaveAsync(Guid.Empty.ToString()); // leaving a room one is not in changes nothing
}
