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

    /// <summary>Follows a board with a replica; gaps are read from the log over GraphQL as the user.</summary>
    public static Task<BoardFeed> FollowAsync(this BoardConnection connection, Api api, string boardId) =>
        connection.FollowAsync(boardId, api.LogReader(boardId));

    /// <summary>Reads a board's logged events after a seq over GraphQL as the user: how a replica fills a gap.</summary>
    public static Func<long, Task<IReadOnlyList<System.Text.Json.JsonElement>>> LogReader(this Api api, string boardId) =>
        async after => (await api.EventsAsync(boardId, after)).Select(e => e.GetProperty("payload")).ToList();

    /// <summary>A round trip on the connection: whatever the server wrote to it before, it has now received.</summary>
    public static Task RoundTripAsync(this BoardConnection connection) =>
        connection.LeaveAsync(Guid.Empty.ToString()); // leaving a room one is not in changes nothing
}
