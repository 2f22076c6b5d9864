using System.Diagnostics;
using Kanban.Client;

namespace Kanban.Bench.Scenarios;

/// <summary>
/// N WebSocket connections joined to a board (or spread over several) and left idle: the server's
/// resident memory per connection, from /proc/PID/status before and after, on a freshly started
/// server. Then one move is broadcast to all of them and timed.
/// </summary>
public static class Idle
{
    public static async Task<Result> RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        int count = o.Int("connections", 1000), boards = Math.Max(1, o.Int("boards", 1)), userCount = Math.Max(1, o.Int("users", 1)),
            concurrency = Math.Max(1, o.Int("concurrency", 50)), broadcasts = Math.Max(1, o.Int("events", 5));
        double settleSeconds = o.Double("settle", 10);
        var join = !o.Flag("no-join");
        var result = new Result("idle");
        result.Parameters["connections"] = count;
        result.Parameters["boards"] = boards;
        result.Parameters["users"] = userCount;
        result.Parameters["joined"] = join;
        result.Parameters["connect concurrency"] = concurrency;
        result.Parameters["settle s"] = settleSeconds;
        result.Parameters["broadcast moves"] = broadcasts;
        if (ctx.Pid is null)
            result.Notes.Add("No --pid: the server's memory was not measured (it needs a server on this machine).");

        var owner = await ctx.Server.SignUpAsync("owner", ctx.Cancel);
        var users = new[] { owner }.Concat(await ctx.Server.SignUpManyAsync("idler", userCount - 1, ctx.Cancel)).ToArray();
        var setups = new List<BoardSetup>();
        for (var b = 0; b < boards; b++)
        {
            var setup = await owner.CreateBoardAsync($"Idle {b + 1}", 2, 4, ctx.Cancel);
            foreach (var user in users.Skip(1))
                await owner.AddMemberAsync(setup.Id, user, "VIEWER", ctx.Cancel);
            setups.Add(setup);
        }

        var origins = new Origins();
        var broadcast = new Samples();
        long presence = 0, logged = 0;
        BoardConnection[] connections = new BoardConnection[count];

        async Task<BoardConnection> OpenAsync(int i)
        {
            var connection = await users[i % users.Length].ConnectAsync();
            connection.DiscardQueue();
            connection.OnEvent = e =>
            {
                var now = Clock.Now;
                if (!e.TryGetProperty("seq", out _))
                {
                    Interlocked.Increment(ref presence);
                    return;
                }
                Interlocked.Increment(ref logged);
                if (origins.Find(e.TryGetProperty("origin", out var origin) ? origin.GetString() : null) is { } sent)
                    broadcast.Add(Clock.Ms(sent.At, now));
            };
            if (join)
                await connection.JoinAsync(setups[i % boards].Id, null);
            return connection;
        }

        // Warm the server's connect and join paths up, so that the baseline includes their code.
        var warm = await Task.WhenAll(Enumerable.Range(0, Math.Min(20, count)).Select(OpenAsync));
        await Watcher.DisposeAllAsync(warm);
        await Task.Delay(2000, ctx.Cancel);

        var before = ctx.Pid is { } pid ? Proc.Status(pid) : null;
        Log.Line($"idle: server before: {Describe(before)}; connecting {count}");

        long opened = 0, failed = 0;
        string? firstError = null;
        var began = Clock.Now;
        var cpu = new CpuMeter(ctx.Pid);
        long lastOpened = 0;
        await using (Log.Every(TimeSpan.FromSeconds(1), () =>
               {
                   var n = Interlocked.Read(ref opened);
                   var line = $"idle: connected {n}/{count} (+{n - lastOpened}/s) failed {Interlocked.Read(ref failed)} | presence messages received {Interlocked.Read(ref presence):N0}" +
                              (ctx.Pid is { } p ? $" | server RSS {Proc.RssKb(p) / 1024} MB" : "");
                   lastOpened = n;
                   return line;
               }))
        {
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ctx.Cancel }, async (i, _) =>
            {
                try
                {
                    connections[i] = await OpenAsync(i);
                    Interlocked.Increment(ref opened);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, e.GetBaseException().Message, null);
                }
            });
        }
        var connectSeconds = Clock.MsSince(began) / 1000;
        var connectCpu = cpu.Read();
        Log.Line($"idle: {opened} connected in {connectSeconds:F1} s; settling {settleSeconds} s");
        await Task.Delay(TimeSpan.FromSeconds(settleSeconds), ctx.Cancel);
        var presenceAfterConnect = Interlocked.Read(ref presence);

        var after = ctx.Pid is { } pid2 ? Proc.Status(pid2) : null;
        Log.Line($"idle: server after: {Describe(after)}");
        var live = connections.Where(c => c is not null).ToList();

        result.Metric("connections open", opened, "", note: failed > 0 ? $"{failed} failed" : null);
        result.Metric("connect + join rate", opened / Math.Max(connectSeconds, 1e-9), "/s", note: $"{connectSeconds:F1} s for all");
        if (connectCpu.Server is { } serverCpu)
            result.Metric("server CPU while connecting (100% = one core)", serverCpu, "%");
        result.Metric("load generator CPU while connecting (100% = one core)", connectCpu.Bench, "%");
        result.Metric("presence:changed messages received while connecting", presenceAfterConnect, "",
            note: join ? "every join announces presence to the whole room" : null);
        if (before is not null && after is not null && opened > 0)
        {
            var rssBefore = before.GetValueOrDefault("VmRSS");
            var rssAfter = after.GetValueOrDefault("VmRSS");
            result.Metric("server RSS before", rssBefore / 1024.0, "MB");
            result.Metric("server RSS after (settled)", rssAfter / 1024.0, "MB", note: $"peak VmHWM {after.GetValueOrDefault("VmHWM") / 1024.0:F0} MB");
            result.Metric("server resident memory per connection", (rssAfter - rssBefore) / (double)opened, "KB", atMost: 15);
            if (before.ContainsKey("RssAnon") && after.ContainsKey("RssAnon"))
                result.Metric("anonymous (heap) memory per connection", (after["RssAnon"] - before["RssAnon"]) / (double)opened, "KB");
            result.Metric("server threads after", after.GetValueOrDefault("Threads"), "");
        }
        result.Metric("load generator RSS", Process.GetCurrentProcess().WorkingSet64 / 1048576.0, "MB");

        // A few moves, each pushed to every connection of the first board (the first also warms the path up).
        if (join && live.Count > 0)
        {
            var setup = setups[0];
            var receivers = Enumerable.Range(0, count).Count(i => connections[i] is not null && i % boards == 0);
            var task = setup.Tasks[0];
            for (var k = 0; k < broadcasts; k++)
            {
                var already = broadcast.Count;
                var origin = origins.New(true);
                var column = setup.Columns.First(c => c != task.ColumnId);
                origins.Stamp(origin);
                await owner.GraphQLAsync(Gql.MoveTask, new { id = task.Id, c = column, i = 0 }, origin, ctx.Cancel);
                task.ColumnId = column;
                var waited = Clock.Now;
                while (broadcast.Count < already + receivers && Clock.MsSince(waited) < 60_000)
                    await Task.Delay(10, ctx.Cancel);
                await Task.Delay(500, ctx.Cancel);
            }
            var s = result.Latency($"a move broadcast to {receivers} connections (send → each receives), {broadcasts} moves", broadcast.ToArray(), histogram: true);
            result.Metric("broadcast: last connection reached after (worst move)", s.Max, "ms");
            result.Check("every broadcast reached every connection of the board", broadcast.Count == receivers * broadcasts,
                $"{broadcast.Count} of {receivers * broadcasts} deliveries");
        }
        if (firstError is not null)
            result.Notes.Add($"first connection error: {firstError}");
        if (count >= 10_000)
            result.Notes.Add("Each connection is one socket on both sides: check `ulimit -n` of the server and of this tool.");

        Log.Line($"idle: closing {live.Count} connections");
        var closing = Clock.Now;
        await Watcher.DisposeAllAsync(live, 128);
        result.Metric("time to close every connection", Clock.MsSince(closing) / 1000, "s");
        if (ctx.Pid is { } pid3)
        {
            await Task.Delay(2000, ctx.Cancel);
            result.Metric("server RSS 2 s after closing", Proc.RssKb(pid3) / 1024.0, "MB");
        }
        result.Check("every connection opened", failed == 0, $"{opened} of {count}" + (firstError is null ? "" : $"; first error: {firstError}"));
        return result;
    }

    private static string Describe(Dictionary<string, long>? status) => status is null
        ? "not measured (no --pid)"
        : $"VmRSS {status.GetValueOrDefault("VmRSS") / 1024.0:F1} MB, RssAnon {status.GetValueOrDefault("RssAnon") / 1024.0:F1} MB, threads {status.GetValueOrDefault("Threads")}";
}
