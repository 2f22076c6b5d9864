using System.Text.Json;
using Kanban.Client;

namespace Kanban.Tests.Realtime;

/// <summary>The client-side ordering of events: duplicates dropped, early ones held, gaps filled from the log.</summary>
public sealed class BoardFeedTests
{
    private const string Board = "0000000b-0000-0000-0000-000000000000";

    private static readonly JsonElement Empty = JsonDocument.Parse($$"""{"id":"{{Board}}","name":"B","seq":0,"columns":[],"members":[],"labels":[]}""").RootElement;

    /// <summary>The column made by event <paramref name="seq"/>.</summary>
    private static string Column(long seq) => $"0000000c-0000-0000-0000-{seq:D12}";

    private static JsonElement ColumnCreated(long seq) => JsonDocument.Parse(
        $$$"""{"type":"column:created","boardId":"{{{Board}}}","seq":{{{seq}}},"column":{"id":"{{{Column(seq)}}}","boardId":"{{{Board}}}","name":"C{{{seq}}}","rank":"a{{{seq}}}","tasks":[]}}""").RootElement;

    [Fact]
    public async Task EventsApplyInSeqOrderWhateverOrderTheyArriveIn()
    {
        var feed = new BoardFeed(BoardReplica.FromSnapshot(Empty), _ => throw new InvalidOperationException("no gap should need the log"));
        foreach (var seq in new long[] { 2, 1, 1, 3, 2 })
            feed.Receive(ColumnCreated(seq));
        await feed.WaitForSeqAsync(3, TimeSpan.FromSeconds(5));
        Assert.Equal([Column(1), Column(2), Column(3)], feed.Read(r => r.ColumnIds.Order().ToList()));
        Assert.Equal(0, feed.GapsFilled);
    }

    [Fact]
    public async Task AGapThatStaysOpenIsFilledFromTheLog()
    {
        long? askedAfter = null;
        var feed = new BoardFeed(BoardReplica.FromSnapshot(Empty), after =>
        {
            askedAfter = after;
            return Task.FromResult<IReadOnlyList<JsonElement>>([ColumnCreated(3), ColumnCreated(4)]);
        }) { GapWait = TimeSpan.FromMilliseconds(50) };

        feed.Receive(ColumnCreated(1));
        feed.Receive(ColumnCreated(2));
        feed.Receive(ColumnCreated(5)); // 3 and 4 were lost on the way
        await feed.WaitForSeqAsync(5, TimeSpan.FromSeconds(5));
        Assert.Equal(2, askedAfter);
        Assert.Equal(1, feed.GapsFilled);
        Assert.Equal(5, feed.Read(r => r.ColumnIds.Count));
    }
}
