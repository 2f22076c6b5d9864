using System.Text.Json;
using Kanban.Client;

namespace Kanban.Tests.Support;

/// <summary>
/// A member's own connection to a board, joined, that checks each change reaches it as the
/// board's next event: the right type and exactly seq + 1.
/// </summary>
public sealed class BoardWatch : IAsyncDisposable
{
    private readonly BoardConnection _connection;

    private BoardWatch(BoardConnection connection, long seq) => (_connection, Seq) = (connection, seq);

    public long Seq { get; private set; }

    public static async Task<BoardWatch> StartAsync(KanbanServer server, Api member, string boardId)
    {
        var connection = await server.ConnectAsync(member);
        var joined = await connection.JoinAsync(boardId, null);
        return new BoardWatch(connection, joined.GetProperty("seq").GetInt64());
    }

    /// <summary>Makes the change and returns the event it caused, which must be the board's next.</summary>
    public async Task<JsonElement> ExpectAsync(string type, Func<Task> change)
    {
        await change();
        return await NextAsync(type);
    }

    /// <summary>
    /// The next logged event, which must be of <paramref name="type"/> and carry seq + 1. Events up
    /// to the seq the join answered may still arrive after it (published after their commit): they
    /// are dropped, as every client drops what it already has.
    /// </summary>
    public async Task<JsonElement> NextAsync(string type)
    {
        var e = await _connection.NextAsync(x => x.Str("type") != "presence:changed" && x.GetProperty("seq").GetInt64() > Seq, Live.Timeout);
        Assert.Equal(type, e.Str("type"));
        Assert.Equal(++Seq, e.GetProperty("seq").GetInt64());
        return e;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
