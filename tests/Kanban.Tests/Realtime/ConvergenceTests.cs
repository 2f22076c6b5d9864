using System.Collections.Concurrent;
using System.Diagnostics;
using Kanban.Client;
using Kanban.Tests.Support;
using Xunit.Abstractions;

namespace Kanban.Tests.Realtime;

public sealed class ConvergenceTestsOnSqlite(SqliteServer f, ITestOutputHelper o) : ConvergenceTests(f, o), IClassFixture<SqliteServer>;

public sealed class ConvergenceTestsOnPostgres(PostgresServer f, ITestOutputHelper o) : ConvergenceTests(f, o), IClassFixture<PostgresServer>;

/// <summary>
/// Several people change one board at once; every connection's replica, fed only by pushed
/// events (and the log for gaps), ends equal to the board query, in the same order.
/// </summary>
public abstract class ConvergenceTests(ServerFixture fixture, ITestOutputHelper output)
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task ConcurrentChangesConvergeOnEveryConnection()
    {
        const int mutationsEach = 130;
        var ana = await _server.SignUpAsync("ana");
        var ben = await _server.SignUpAsync("ben");
        var cat = await _server.SignUpAsync("cat");
        var board = await ana.CreateBoardAsync("Together");
        await ana.AddMemberAsync(board, ben, "EDITOR");
        await ana.AddMemberAsync(board, cat, "EDITOR");
        for (var i = 0; i < 3; i++)
            await ana.CreateColumnAsync(board, $"Column {i}");

        // Four connections of three users: ana has two tabs.
        var users = new[] { ana, ana, ben, cat };
        var connections = new List<BoardConnection>();
        var feeds = new List<BoardFeed>();
        var sentAt = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        foreach (var user in users)
        {
            var connection = await _server.ConnectAsync(user);
            var feed = await connection.FollowAsync(user, board);
            var follow = connection.OnEvent!;
            connection.OnEvent = e =>
            {
                var now = Stopwatch.GetTimestamp();
                if (e.TryGetProperty("origin", out var origin) && origin.GetString() is { } o && sentAt.TryGetValue(o, out var sent))
                    latencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                follow(e);
            };
            connections.Add(connection);
            feeds.Add(feed);
        }

        var writers = new[] { (ana, feeds[0]), (ben, feeds[2]), (cat, feeds[3]) };
        var outcomes = await Task.WhenAll(writers.Select((w, i) => RandomChanges.MakeAsync(w.Item1, w.Item2, board, mutationsEach, i, sentAt)));
        output.WriteLine($"{fixture.Kind}: {outcomes.Sum(o => o.Changed)} changes, {outcomes.Sum(o => o.Refused)} refused by a concurrent change");

        var final = await ana.BoardAsync(board);
        var seq = final.GetProperty("seq").GetInt64();
        await Task.WhenAll(feeds.Select(f => f.WaitForSeqAsync(seq, Live.Timeout)));
        var expected = BoardReplica.Canonical(final);
        foreach (var feed in feeds)
            Assert.Equal(expected, feed.Read(r => r.Canonical()));

        var sorted = latencies.Order().ToList();
        output.WriteLine($"{fixture.Kind}: delivery latency over {sorted.Count} receipts: median {sorted[sorted.Count / 2]:F1} ms, " +
                         $"p99 {sorted[(int)(sorted.Count * 0.99)]:F1} ms, max {sorted[^1]:F1} ms; gaps filled from the log: {feeds.Sum(f => f.GapsFilled)}");
        foreach (var connection in connections)
            await connection.DisposeAsync();
    }
}
