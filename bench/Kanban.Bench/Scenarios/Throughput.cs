using System.Text.Json;

namespace Kanban.Bench.Scenarios;

/// <summary>
/// C closed-loop writers (each sends its next move when the last one is answered) on one board,
/// with W watchers: committed mutations per second, events delivered per second, latencies.
/// </summary>
public static class Throughput
{
    public static async Task<Result> RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        int writers = Math.Max(1, o.Int("writers", 16)), watcherCount = o.Int("watchers", 50), tasksPerWriter = Math.Max(1, o.Int("tasks", 4)),
            columns = Math.Max(2, o.Int("columns", 4)), userCount = Math.Clamp(o.Int("users", writers), 1, writers);
        double duration = o.Double("duration", 20), warmup = o.Double("warmup", 3);
        var result = new Result("throughput");
        result.Parameters["writers (closed loop)"] = writers;
        result.Parameters["writing users"] = userCount;
        result.Parameters["watchers"] = watcherCount;
        result.Parameters["duration s"] = duration;
        result.Parameters["warm-up s"] = warmup;
        result.Parameters["tasks per writer"] = tasksPerWriter;
        result.Parameters["columns"] = columns;

        Log.Line($"throughput: signing up {userCount + 1} users, creating a board of {writers * tasksPerWriter} tasks");
        var owner = await ctx.Server.SignUpAsync("owner", ctx.Cancel);
        var users = await ctx.Server.SignUpManyAsync("writer", userCount, ctx.Cancel);
        var board = await owner.CreateBoardAsync("Throughput", columns, writers * tasksPerWriter, ctx.Cancel);
        foreach (var user in users)
            await owner.AddMemberAsync(board.Id, user, "EDITOR", ctx.Cancel);

        var origins = new Origins();
        var delivery = new Samples();
        var start = 0L;
        var recordFrom = long.MaxValue;
        var end = long.MaxValue;
        long deliveredInWindow = 0, deliveredAll = 0;
        void OnLogged(Watcher w, JsonElement e, long now)
        {
            Interlocked.Increment(ref deliveredAll);
            if (now >= recordFrom && now < end)
                Interlocked.Increment(ref deliveredInWindow);
            if (origins.Find(e.TryGetProperty("origin", out var origin) ? origin.GetString() : null) is { Recorded: true } sent
                && e.GetProperty("type").GetString() == "task:moved")
                delivery.Add(Clock.Ms(sent.At, now));
        }

        Log.Line($"throughput: connecting {watcherCount} watchers");
        var watchers = await Watcher.JoinManyAsync(owner, board.Id, watcherCount, OnLogged, ctx.Cancel);

        var mutation = new Samples();
        long ok = 0, errors = 0, okInWindow = 0, changedInWindow = 0;
        string? firstError = null;
        var perSecond = new long[(int)(warmup + duration) + 2];
        start = Clock.Now;
        recordFrom = start + Clock.Ticks(warmup);
        end = recordFrom + Clock.Ticks(duration);
        var seqBefore = await owner.SeqAsync(board.Id, ctx.Cancel);
        var cpu = new CpuMeter(ctx.Pid);
        long lastOk = 0, lastDelivered = 0;
        await using (Log.Every(TimeSpan.FromSeconds(1), () =>
               {
                   long k = Interlocked.Read(ref ok), d = Interlocked.Read(ref deliveredAll);
                   var line = $"throughput: {(Clock.Now < recordFrom ? "warm-up" : "measuring")} mutations {k} (+{k - lastOk}/s) err {Interlocked.Read(ref errors)} | delivered {d} (+{d - lastDelivered}/s)";
                   (lastOk, lastDelivered) = (k, d);
                   return line;
               }))
        {
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(w))));
        }
        var seqAfter = await owner.SeqAsync(board.Id, ctx.Cancel);
        // The last events of the window may still be on their way: wait until every watcher has the board's seq.
        var settle = Clock.Now;
        while (watchers.Any(w => w.LastSeq < seqAfter) && Clock.MsSince(settle) < 10_000)
            await Task.Delay(50);
        cpu.Report(result);

        async Task WriteAsync(int w)
        {
            var random = ctx.NewRandom(w);
            var user = users[w % users.Length];
            var mine = board.Tasks.Skip(w * tasksPerWriter).Take(tasksPerWriter).ToList();
            for (var n = 0; Clock.Now < end && !ctx.Cancel.IsCancellationRequested; n++)
            {
                var task = mine[n % mine.Count];
                var others = board.Columns.Where(c => c != task.ColumnId).ToList();
                var column = others[random.Next(others.Count)];
                var index = random.Next(0, writers * tasksPerWriter / columns + 2);
                var began = Clock.Now;
                var recorded = began >= recordFrom;
                var origin = origins.New(recorded);
                try
                {
                    origins.Stamp(origin);
                    began = Clock.Now;
                    var answer = (await user.GraphQLAsync(Gql.MoveTask, new { id = task.Id, c = column, i = index }, origin)).GetProperty("moveTask");
                    var done = Clock.Now;
                    Interlocked.Increment(ref ok);
                    var second = (int)(Clock.Ms(start, done) / 1000);
                    if (second < perSecond.Length)
                        Interlocked.Increment(ref perSecond[second]);
                    var version = answer.GetProperty("version").GetInt32();
                    if (recorded && done < end)
                    {
                        mutation.Add(Clock.Ms(began, done));
                        Interlocked.Increment(ref okInWindow);
                        if (version > task.Version)
                            Interlocked.Increment(ref changedInWindow);
                    }
                    task.Version = version;
                    task.ColumnId = answer.GetProperty("columnId").GetString()!;
                }
                catch (Exception e) when (e is GraphQLException or HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        }

        var rate = okInWindow / Math.Max(duration, 1e-9);
        result.Metric("mutations/s (answered moveTask in the window)", rate, "/s", atLeast: 2000, note: "target on SQLite");
        result.Metric("deliveries/s (events received by all watchers)", deliveredInWindow / Math.Max(duration, 1e-9), "/s");
        var window = perSecond.Skip((int)Math.Ceiling(warmup)).Take((int)Math.Floor(duration)).ToArray();
        if (window.Length > 0)
            result.Metric("mutations in the slowest / fastest whole second", window.Min(), "", note: $"fastest {window.Max()}");
        var m = result.Latency("moveTask request (send → answer)", mutation.ToArray(), histogram: true);
        result.Metric("mutation p50", m.P50, "ms");
        result.Metric("mutation p99", m.P99, "ms");
        var d = result.Latency("delivery (send → watcher receives)", delivery.ToArray());
        result.Metric("delivery p99", d.P99, "ms");
        result.Metric("mutation errors", errors, "");
        result.Metric("events logged (seq advance, whole run)", seqAfter - seqBefore, "");
        var gaps = watchers.Sum(w => w.Gaps);
        result.Metric("gaps seen by watchers (seq jumps)", gaps, "");
        if (firstError is not null)
            result.Notes.Add($"first error: {firstError}");
        result.Notes.Add($"{changedInWindow} of {okInWindow} answered moves in the window changed the task (the rest were no-ops).");
        result.Check("no gaps", gaps == 0, $"{gaps} gaps, {watchers.Sum(w => w.Missing)} events skipped over");
        result.Check("every watcher at the board's seq", watchers.All(w => w.LastSeq == seqAfter),
            $"{watchers.Count(w => w.LastSeq != seqAfter)} of {watchers.Count} behind seq {seqAfter}");

        await Watcher.DisposeAllAsync(watchers.Select(w => w.Connection));
        return result;
    }
}
