using Kanban.Client;

namespace Kanban.Bench.Scenarios;

/// <summary>
/// A board of T tasks: how long the whole-board `board` query and a snapshot JoinBoard take, each
/// both for a board no one changes (kept by the server after the first) and as the first read
/// after a change.
/// </summary>
public static class Load
{
    public static async Task<Result> RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        int tasks = o.Int("tasks", 2000), columns = Math.Max(1, o.Int("columns", 5)), iterations = Math.Max(1, o.Int("iterations", 50)),
            descriptionChars = o.Int("description-bytes", 200), concurrency = Math.Max(1, o.Int("concurrency", 8)),
            warmup = Math.Max(1, o.Int("warmup", 20)), checklist = o.Int("checklist-items", 5);
        var plain = o.Flag("plain");
        var result = new Result("load");
        result.Parameters["tasks"] = tasks;
        result.Parameters["columns"] = columns;
        result.Parameters["description characters per task"] = descriptionChars;
        result.Parameters["iterations"] = iterations;
        result.Parameters["warm-up iterations (not recorded)"] = warmup;
        result.Parameters["each task carries"] = plain ? "title and description only"
            : $"2 labels (of 6), 1–2 assignees, a due date, a {checklist}-item checklist";

        var owner = await ctx.Server.SignUpAsync("owner", ctx.Cancel);
        var detail = plain ? null : new TaskDetail(6, [await ctx.Server.SignUpAsync("colleague", ctx.Cancel)], checklist);
        long created = 0;
        var began = Clock.Now;
        BoardSetup board;
        await using (Log.Every(TimeSpan.FromSeconds(1), () => $"load: created {Interlocked.Read(ref created)}/{tasks} tasks"))
        {
            board = await owner.CreateBoardAsync("Load", columns, tasks, ctx.Cancel, descriptionChars, concurrency,
                () => Interlocked.Increment(ref created), detail);
        }
        var setupSeconds = Clock.MsSince(began) / 1000;
        result.Metric("createTask rate while filling the board", tasks / Math.Max(setupSeconds, 1e-9), "/s", note: $"{concurrency} concurrent requests");

        // The board query, the way a page load asks for it.
        var query = new Samples();
        var bytes = 0;
        for (var i = 0; i < iterations + warmup; i++)
        {
            var start = Clock.Now;
            var (data, size) = await owner.GraphQLSizedAsync(Gql.Board, new { id = board.Id }, ct: ctx.Cancel);
            var ms = Clock.MsSince(start);
            if (i >= warmup) // the first ones warm the server's code paths up
                query.Add(ms);
            bytes = size;
            if (i == 0)
            {
                var count = data.GetProperty("board").GetProperty("columns").EnumerateArray().Sum(c => c.GetProperty("tasks").GetArrayLength());
                result.Check("the board query returns every task", count == tasks, $"{count} of {tasks}");
            }
        }

        // A snapshot JoinBoard on an open connection (then leave, untimed).
        var connection = await owner.ConnectAsync();
        connection.DiscardQueue();
        var join = new Samples();
        var snapshotBytes = 0;
        string? snapshotCanonical = null;
        for (var i = 0; i < iterations + warmup; i++)
        {
            var start = Clock.Now;
            var answer = await connection.JoinAsync(board.Id, null);
            var ms = Clock.MsSince(start);
            if (i >= warmup)
                join.Add(ms);
            if (i == 0)
            {
                snapshotBytes = answer.GetRawText().Length;
                snapshotCanonical = BoardReplica.Canonical(answer.GetProperty("snapshot"));
            }
            await connection.LeaveAsync(board.Id);
        }
        var expected = BoardReplica.Canonical(await owner.BoardAsync(board.Id, ctx.Cancel));
        var difference = Boards.Difference(snapshotCanonical ?? "", expected);
        result.Check("the JoinBoard snapshot equals the board query", difference.Length == 0, difference.Length == 0 ? "equal" : difference);

        // The same after someone changed the board (a task retitled, untimed): the first read at a
        // new seq, which no kept snapshot answers.
        var joinAfterChange = new Samples();
        for (var i = 0; i < iterations + warmup; i++)
        {
            var task = board.Tasks[i % board.Tasks.Count];
            await owner.GraphQLAsync(Gql.UpdateTitle, new { id = task.Id, t = $"Task {task.Id[..8]} ({i})" }, ct: ctx.Cancel);
            var start = Clock.Now;
            await connection.JoinAsync(board.Id, null);
            var ms = Clock.MsSince(start);
            if (i >= warmup)
                joinAfterChange.Add(ms);
            await connection.LeaveAsync(board.Id);
        }
        await connection.DisposeAsync();

        // The board query the same way: the first at each new seq, which no kept answer has.
        var queryAfterChange = new Samples();
        for (var i = 0; i < iterations + warmup; i++)
        {
            var task = board.Tasks[i % board.Tasks.Count];
            await owner.GraphQLAsync(Gql.UpdateTitle, new { id = task.Id, t = $"Task {task.Id[..8]} [{i}]" }, ct: ctx.Cancel);
            var start = Clock.Now;
            await owner.GraphQLSizedAsync(Gql.Board, new { id = board.Id }, ct: ctx.Cancel);
            var ms = Clock.MsSince(start);
            if (i >= warmup)
                queryAfterChange.Add(ms);
        }

        result.Latency("board query (whole board)", query.ToArray(), p99AtMost: 50, histogram: true);
        result.Latency("board query, first after a change", queryAfterChange.ToArray(), histogram: true);
        result.Latency("JoinBoard(afterSeq: null) snapshot", join.ToArray(), p99AtMost: 50, histogram: true);
        result.Latency("JoinBoard snapshot, first after a change", joinAfterChange.ToArray(), p99AtMost: 50, histogram: true);
        result.Metric("board query p50", result.Latencies["board query (whole board)"].P50, "ms");
        result.Metric("board query after a change p50", result.Latencies["board query, first after a change"].P50, "ms");
        result.Metric("JoinBoard snapshot p50", result.Latencies["JoinBoard(afterSeq: null) snapshot"].P50, "ms");
        result.Metric("JoinBoard snapshot after a change p50", result.Latencies["JoinBoard snapshot, first after a change"].P50, "ms");
        result.Metric("board query response", bytes / 1024.0, "KB");
        result.Metric("JoinBoard answer (JSON)", snapshotBytes / 1024.0, "KB");
        return result;
    }
}
