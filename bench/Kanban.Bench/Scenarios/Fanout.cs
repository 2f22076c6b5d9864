using System.Text.Json;

namespace Kanban.Bench.Scenarios;

/// <summary>
/// B boards × W watchers, one writer per board moving a random task at R moves/s (open loop: on
/// schedule, whether or not earlier moves have been answered). Latency is from the moment the
/// writer sends a move to the moment each watcher receives its <c>task:moved</c>.
/// </summary>
public static class Fanout
{
    public static async Task<Result> RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        int boards = Math.Max(1, o.Int("boards", 10)), watchersPerBoard = o.Int("watchers", 20), tasks = Math.Max(1, o.Int("tasks", 20)),
            columns = Math.Max(2, o.Int("columns", 4));
        double rate = o.Double("rate", 20), duration = o.Double("duration", 30), warmup = o.Double("warmup", 3);
        var result = new Result("fanout");
        result.Parameters["boards"] = boards;
        result.Parameters["watchers per board"] = watchersPerBoard;
        result.Parameters["moves/s per board"] = rate;
        result.Parameters["duration s"] = duration;
        result.Parameters["warm-up s"] = warmup;
        result.Parameters["tasks per board"] = tasks;
        result.Parameters["columns per board"] = columns;
        if (rate <= 0)
            throw new ArgumentException("--rate must be above 0");

        // Setup: a writer (OWNER) and a watching user (VIEWER) per board.
        Log.Line($"fanout: signing up {boards * 2} users, creating {boards} boards of {tasks} tasks");
        var writers = await ctx.Server.SignUpManyAsync("writer", boards, ctx.Cancel);
        var viewers = await ctx.Server.SignUpManyAsync("watcher", boards, ctx.Cancel);
        var setups = new BoardSetup[boards];
        await Parallel.ForAsync(0, boards, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ctx.Cancel }, async (b, ct) =>
        {
            setups[b] = await writers[b].CreateBoardAsync($"Fanout {b + 1}", columns, tasks, ct, concurrency: 2);
            await writers[b].AddMemberAsync(setups[b].Id, viewers[b], "VIEWER", ct);
        });

        var origins = new Origins();
        var delivery = new Samples();
        long deliveredRecorded = 0, deliveredAll = 0;
        void OnLogged(Watcher w, JsonElement e, long now)
        {
            Interlocked.Increment(ref deliveredAll);
            if (e.GetProperty("type").GetString() != "task:moved"
                || origins.Find(e.TryGetProperty("origin", out var origin) ? origin.GetString() : null) is not { Recorded: true } sent)
                return;
            delivery.Add(Clock.Ms(sent.At, now));
            Interlocked.Increment(ref deliveredRecorded);
        }

        Log.Line($"fanout: connecting {boards * watchersPerBoard} watchers");
        var watchers = new List<Watcher>[boards];
        for (var b = 0; b < boards; b++)
            watchers[b] = await Watcher.JoinManyAsync(viewers[b], setups[b].Id, watchersPerBoard, OnLogged, ctx.Cancel);
        var all = watchers.SelectMany(w => w).ToList();

        // The run: warm-up (not recorded), then the measured window.
        var mutation = new Samples();
        long sent = 0, ok = 0, changed = 0, errors = 0, skipped = 0, expected = 0;
        string? firstError = null;
        var start = Clock.Now;
        var recordFrom = start + Clock.Ticks(warmup);
        var end = recordFrom + Clock.Ticks(duration);
        var cpu = new CpuMeter(ctx.Pid);
        long lastDelivered = 0;
        await using (Log.Every(TimeSpan.FromSeconds(1), () =>
               {
                   var d = Interlocked.Read(ref deliveredAll);
                   var line = $"fanout: {(Clock.Now < recordFrom ? "warm-up" : "measuring")} sent {Interlocked.Read(ref sent)} ok {Interlocked.Read(ref ok)} " +
                              $"err {Interlocked.Read(ref errors)} | delivered {d} (+{d - lastDelivered}/s), recorded {Interlocked.Read(ref deliveredRecorded)}/{Interlocked.Read(ref expected)}";
                   lastDelivered = d;
                   return line;
               }))
        {
            await Task.WhenAll(Enumerable.Range(0, boards).Select(b => WriteAsync(b)));

            // Let the last events arrive (or give up after 10 s without progress).
            var waitedFor = Clock.Now;
            var seen = Interlocked.Read(ref deliveredRecorded);
            while (Interlocked.Read(ref deliveredRecorded) < Interlocked.Read(ref expected) && Clock.MsSince(waitedFor) < 10_000)
            {
                await Task.Delay(100);
                if (Interlocked.Read(ref deliveredRecorded) != seen)
                    (seen, waitedFor) = (Interlocked.Read(ref deliveredRecorded), Clock.Now);
            }
        }
        cpu.Report(result);

        async Task WriteAsync(int b)
        {
            var random = ctx.NewRandom(b);
            var idle = setups[b].Tasks.ToList();
            var running = new List<Task>();
            var interval = 1.0 / rate;
            for (var n = 0; ; n++)
            {
                var due = start + Clock.Ticks(n * interval);
                if (due >= end || ctx.Cancel.IsCancellationRequested)
                    break;
                var wait = Clock.Ms(Clock.Now, due);
                if (wait > 1)
                    await Task.Delay(TimeSpan.FromMilliseconds(wait));
                TaskState task;
                lock (idle)
                {
                    if (idle.Count == 0)
                    {
                        Interlocked.Increment(ref skipped); // every task has a move in flight
                        continue;
                    }
                    var pick = random.Next(idle.Count);
                    task = idle[pick];
                    idle[pick] = idle[^1];
                    idle.RemoveAt(idle.Count - 1);
                }
                var others = setups[b].Columns.Where(c => c != task.ColumnId).ToList();
                var column = others[random.Next(others.Count)];
                var index = random.Next(0, tasks / columns + 2);
                running.Add(MoveAsync(b, task, column, index, idle));
            }
            await Task.WhenAll(running);
        }

        async Task MoveAsync(int b, TaskState task, string column, int index, List<TaskState> idle)
        {
            var recorded = Clock.Now >= recordFrom;
            var origin = origins.New(recorded);
            Interlocked.Increment(ref sent);
            try
            {
                origins.Stamp(origin);
                var began = Clock.Now;
                var answer = (await writers[b].GraphQLAsync(Gql.MoveTask, new { id = task.Id, c = column, i = index }, origin)).GetProperty("moveTask");
                if (recorded)
                    mutation.Add(Clock.MsSince(began));
                Interlocked.Increment(ref ok);
                var version = answer.GetProperty("version").GetInt32();
                if (version > task.Version && recorded)
                {
                    Interlocked.Increment(ref changed);
                    Interlocked.Add(ref expected, watchersPerBoard);
                }
                task.Version = version;
                task.ColumnId = answer.GetProperty("columnId").GetString()!;
            }
            catch (Exception e) when (e is GraphQLException or HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref errors);
                Interlocked.CompareExchange(ref firstError, e.Message, null);
            }
            finally
            {
                lock (idle)
                    idle.Add(task);
            }
        }

        // Where every watcher ended up, against each board's seq.
        var behind = 0;
        for (var b = 0; b < boards; b++)
        {
            var seq = await writers[b].SeqAsync(setups[b].Id, ctx.Cancel);
            behind += watchers[b].Count(w => w.LastSeq != seq);
        }
        var gaps = all.Sum(w => w.Gaps);
        var missing = all.Sum(w => w.Missing);
        var repeats = all.Sum(w => w.Repeats);

        var summary = result.Latency("delivery (send → watcher receives)", delivery.ToArray(), p99AtMost: 10, histogram: true);
        result.Metric("delivery p50", summary.P50, "ms");
        result.Latency("moveTask request (send → answer)", mutation.ToArray());
        result.Metric("moves sent (whole run)", sent, "");
        result.Metric("moves achieved in the window", changed / Math.Max(duration, 1e-9), "/s", note: $"asked {rate * boards:0.#}/s over {boards} boards");
        result.Metric("move errors", errors, "");
        result.Metric("events expected (measured moves × watchers)", expected, "");
        result.Metric("events received (measured)", deliveredRecorded, "");
        result.Metric("gaps seen by watchers (seq jumps)", gaps, "", note: $"{missing} events skipped over");
        result.Metric("repeated or out-of-order events", repeats, "");
        if (skipped > 0)
            result.Notes.Add($"{skipped} scheduled moves were skipped because every task of their board had a move in flight.");
        if (firstError is not null)
            result.Notes.Add($"first error: {firstError}");
        result.Check("every expected event received", deliveredRecorded == expected, $"{deliveredRecorded} of {expected}");
        result.Check("no gaps", gaps == 0, $"{gaps} gaps, {missing} events skipped over");
        result.Check("every watcher at its board's seq", behind == 0, $"{behind} of {all.Count} behind");

        await Watcher.DisposeAllAsync(all.Select(w => w.Connection));
        return result;
    }
}
