using Kanban.Client;

namespace Kanban.Bench.Scenarios;

/// <summary>
/// A client follows a board (snapshot + events in a <see cref="BoardFeed"/>), disconnects, misses K
/// events, reconnects and joins with <c>JoinBoard(boardId, afterSeq)</c>: the time from the start of
/// the reconnect until its replica holds the board's seq, then checked against the board query.
/// </summary>
public static class Catchup
{
    public static async Task<Result> RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        int events = Math.Max(1, o.Int("events", 1000)), repeat = Math.Max(1, o.Int("repeat", 5)), lanes = Math.Max(1, o.Int("writers", 4)),
            tasks = Math.Max(lanes, o.Int("tasks", 50)), columns = Math.Max(2, o.Int("columns", 4)), warmup = o.Int("warmup", 1);
        var result = new Result("catchup");
        result.Parameters["missed events per round"] = events;
        result.Parameters["rounds"] = repeat;
        result.Parameters["concurrent writers producing them"] = lanes;
        result.Parameters["tasks"] = tasks;
        result.Parameters["warm-up rounds (not recorded)"] = warmup;

        var owner = await ctx.Server.SignUpAsync("owner", ctx.Cancel);
        var reader = await ctx.Server.SignUpAsync("reader", ctx.Cancel);
        var board = await owner.CreateBoardAsync("Catch-up", columns, tasks, ctx.Cancel);
        await owner.AddMemberAsync(board.Id, reader, "VIEWER", ctx.Cancel);

        var first = await reader.ConnectAsync();
        first.DiscardQueue();
        var feed = await first.FollowAsync(board.Id, after => reader.EventsAfterAsync(board.Id, after));
        await feed.WaitForSeqAsync(await owner.SeqAsync(board.Id, ctx.Cancel), TimeSpan.FromSeconds(30));
        await first.DisposeAsync();

        var total = new Samples();
        var connect = new Samples();
        var joinToReplica = new Samples();
        var missedCounts = new List<long>();
        var sizes = new List<int>();
        var mismatches = 0;
        string? firstDifference = null;
        var snapshots = 0;
        for (var round = 1 - warmup; round <= repeat; round++)
        {
            var recorded = round >= 1;
            // The client is away: K changes happen.
            var from = feed.Read(r => r.Seq);
            var produced = Clock.Now;
            await ProduceAsync(ctx, owner, board, events, lanes, round + warmup);
            var seq = await owner.SeqAsync(board.Id, ctx.Cancel);
            Log.Line($"catchup: {(recorded ? $"round {round}/{repeat}" : "warm-up round")}: {seq - from} events while away ({Clock.MsSince(produced) / 1000:F1} s to produce); reconnecting");

            // Back: connect, join after the seq it has, apply what the answer holds.
            var began = Clock.Now;
            var connection = await reader.ConnectAsync();
            connection.DiscardQueue();
            var connected = Clock.Now;
            connection.OnEvent = e =>
            {
                if (e.TryGetProperty("seq", out _) && e.GetProperty("boardId").GetString() == board.Id)
                    feed.Receive(e);
            };
            var answer = await connection.JoinAsync(board.Id, from);
            if (answer.GetProperty("snapshot").ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                snapshots++;
                feed.Reset(BoardReplica.FromSnapshot(answer.GetProperty("snapshot")));
            }
            foreach (var e in answer.GetProperty("events").EnumerateArray())
                feed.Receive(e);
            await feed.WaitForSeqAsync(answer.GetProperty("seq").GetInt64(), TimeSpan.FromSeconds(30));
            var done = Clock.Now;
            if (recorded)
            {
                total.Add(Clock.Ms(began, done));
                connect.Add(Clock.Ms(began, connected));
                joinToReplica.Add(Clock.Ms(connected, done));
                missedCounts.Add(answer.GetProperty("seq").GetInt64() - from);
                sizes.Add(answer.GetRawText().Length);
            }

            // Not timed: does the replica equal the board query?
            var expected = BoardReplica.Canonical(await owner.BoardAsync(board.Id, ctx.Cancel));
            var difference = Boards.Difference(feed.Read(r => r.Canonical()), expected);
            if (difference.Length > 0)
            {
                mismatches++;
                firstDifference ??= difference;
            }
            Log.Line($"catchup: {(recorded ? $"round {round}" : "warm-up round")}: {Clock.Ms(began, done):F1} ms (connect {Clock.Ms(began, connected):F1} ms)");
            await connection.DisposeAsync();
        }

        var t = result.Latency("reconnect → replica at the board's seq", total.ToArray(), histogram: repeat >= 5);
        result.Metric($"catch-up of ~{events} events, median", t.P50, "ms", atMost: 100);
        result.Metric($"catch-up of ~{events} events, worst", t.Max, "ms", atMost: 100);
        result.Latency("connect (WebSocket + auth)", connect.ToArray());
        result.Latency("JoinBoard(afterSeq) + apply → replica at seq", joinToReplica.ToArray());
        result.Metric("events missed per round (mean)", missedCounts.Average(), "");
        result.Metric("JoinBoard answer size (mean)", sizes.Average() / 1024.0, "KB");
        var rounds = repeat + warmup;
        result.Check("replica equals the board query after every round", mismatches == 0, $"{mismatches} of {rounds} rounds differ (warm-up included)" + (firstDifference is null ? "" : $"; {firstDifference}"));
        result.Check("caught up from the log, not a snapshot", snapshots == 0, $"{snapshots} of {rounds} rounds got a snapshot (warm-up included)");
        return result;
    }

    /// <summary>K changes by the owner from a few concurrent lanes, each lane moving or renaming its own tasks.</summary>
    private static async Task ProduceAsync(BenchContext ctx, BenchUser owner, BoardSetup board, int events, int lanes, int round)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => Task.Run(async () =>
        {
            var random = ctx.NewRandom(round * 1000 + lane);
            var mine = board.Tasks.Where((_, i) => i % lanes == lane).ToList();
            while (Interlocked.Increment(ref next) < events)
            {
                var task = mine[random.Next(mine.Count)];
                if (random.Next(10) < 7)
                {
                    var column = board.Columns.Where(c => c != task.ColumnId).ElementAt(random.Next(board.Columns.Count - 1));
                    var moved = (await owner.GraphQLAsync(Gql.MoveTask, new { id = task.Id, c = column, i = random.Next(0, 20) }, ct: ctx.Cancel)).GetProperty("moveTask");
                    task.ColumnId = moved.GetProperty("columnId").GetString()!;
                }
                else
                {
                    await owner.GraphQLAsync(Gql.UpdateTitle, new { id = task.Id, t = $"Renamed {Guid.NewGuid():N}" }, ct: ctx.Cancel);
                }
            }
        })));
    }
}
