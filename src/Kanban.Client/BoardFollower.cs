using System.Text.Json;

namespace Kanban.Client;

/// <summary>
/// Follows one board across lost connections, as a real client must: when the connection
/// closes (its server died, say), it opens a new one and joins again after the replica's seq,
/// so the replica catches up from the log and goes on live.
/// </summary>
public sealed class BoardFollower : IAsyncDisposable
{
    private readonly Func<Task<BoardConnection>> _connect;
    private readonly string _boardId;
    private readonly CancellationTokenSource _stop = new();
    private int _reconnects;

    private BoardFollower(Func<Task<BoardConnection>> connect, string boardId, BoardConnection connection, BoardFeed feed)
    {
        _connect = connect;
        _boardId = boardId;
        Connection = connection;
        Feed = feed;
    }

    public BoardConnection Connection { get; private set; }
    public BoardFeed Feed { get; }

    /// <summary>How many times the connection was lost and opened again.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>Raised after each reconnect and catch-up.</summary>
    public event Action? Resumed;

    public static async Task<BoardFollower> StartAsync(
        Func<Task<BoardConnection>> connect, string boardId, Func<long, Task<IReadOnlyList<JsonElement>>> readLogAfter)
    {
        var connection = await connect();
        var feed = await connection.FollowAsync(boardId, readLogAfter);
        var follower = new BoardFollower(connect, boardId, connection, feed);
        follower.Watch(connection);
        return follower;
    }

    private void Watch(BoardConnection connection) =>
        connection.Hub.Closed += _ => _stop.IsCancellationRequested ? Task.CompletedTask : ResumeAsync();

    private async Task ResumeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            BoardConnection? connection = null;
            try
            {
                connection = await _connect();
                connection.OnEvent = e =>
                {
                    if (e.TryGetProperty("seq", out _) && e.GetProperty("boardId").GetString() == _boardId)
                        Feed.Receive(e);
                };
                var answer = await connection.JoinAsync(_boardId, Feed.Read(r => r.Seq));
                if (answer.GetProperty("snapshot").ValueKind == JsonValueKind.Object)
                    Feed.Reset(BoardReplica.FromSnapshot(answer.GetProperty("snapshot")));
                foreach (var e in answer.GetProperty("events").EnumerateArray())
                    Feed.Receive(e);
                var lost = Connection;
                Connection = connection;
                await lost.DisposeAsync();
                Interlocked.Increment(ref _reconnects);
                Watch(connection);
                Resumed?.Invoke();
                return;
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                if (connection is not null)
                    await connection.DisposeAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(200 + Random.Shared.Next(200)));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Connection.DisposeAsync();
    }
}
