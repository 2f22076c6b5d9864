using System.Diagnostics;
using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;
using Kanban.Tests.Support.Cluster;

namespace Kanban.Tests.ScaleOut;

/// <summary>The board the scale-out tests share in shape: an owner, an editor, columns, tasks, and people writing to it.</summary>
public sealed class ClusterScenario
{
    private ClusterScenario(KanbanCluster cluster, Api owner, Api editor, string board, string[] columns, string[] tasks)
    {
        Cluster = cluster;
        Owner = owner;
        Editor = editor;
        Board = board;
        Columns = columns;
        Tasks = tasks;
    }

    public KanbanCluster Cluster { get; }
    public Api Owner { get; }
    public Api Editor { get; }
    public string Board { get; }
    public string[] Columns { get; }
    public string[] Tasks { get; }

    public static async Task<ClusterScenario> CreateAsync(KanbanCluster cluster, int tasks = 20)
    {
        var owner = await cluster.SignUpAsync("ana");
        var editor = await cluster.SignUpAsync("ben");
        var board = await owner.CreateBoardAsync("Shared");
        await owner.AddMemberAsync(board, editor, "EDITOR");
        var columns = new List<string>();
        for (var i = 0; i < 3; i++)
            columns.Add(await owner.CreateColumnAsync(board, $"Column {i}"));
        var taskIds = new List<string>();
        for (var i = 0; i < tasks; i++)
            taskIds.Add((await owner.CreateTaskAsync(columns[i % columns.Count], $"Task {i}")).GetProperty("id").GetString()!);
        return new ClusterScenario(cluster, owner, editor, board, [.. columns], [.. taskIds]);
    }

    /// <summary>The same user talking to one server directly, not through nginx (to make both servers write).</summary>
    public static Api On(Api api, Uri server)
    {
        var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = api.Http.DefaultRequestHeaders.Authorization;
        return new Api(http, api.UserId, api.Email);
    }

    public sealed record Writes(int Done, int Failed);

    /// <summary>
    /// Moves random tasks until stopped. A request a dying server swallowed fails (its effect is
    /// unknown: the log decides); the writer goes on, as a person would.
    /// </summary>
    public async Task<Writes> MoveUntilAsync(Api api, int seed, CancellationToken stop, TimeSpan? pause = null)
    {
        var random = new Random(seed);
        int done = 0, failed = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var result = await api.SendAsync(
                    "mutation($id: ID!, $c: ID!, $i: Int) { moveTask(input: { id: $id, columnId: $c, index: $i }) { id } }",
                    new { id = Tasks[random.Next(Tasks.Length)], c = Columns[random.Next(Columns.Length)], i = random.Next(0, 8) });
                if (result.Errors.Length == 0)
                    done++;
                else
                    failed++;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
            {
                failed++;
            }
            if (pause is { } p)
                await Task.Delay(p, CancellationToken.None);
        }
        return new Writes(done, failed);
    }

    public Task<BoardFollower> FollowAsync(Api api, string node) => Cluster.FollowAsync(api, Board, node);

    /// <summary>The board as the query returns it now, and its seq.</summary>
    public async Task<(JsonElement Board, long Seq)> CurrentAsync()
    {
        var board = await Owner.BoardAsync(Board);
        return (board, board.GetProperty("seq").GetInt64());
    }

    /// <summary>Every replica reaches the board's current seq and equals the board query; answers how long that took.</summary>
    public async Task<TimeSpan> AssertConvergedAsync(IEnumerable<BoardFollower> followers, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        var (board, seq) = await CurrentAsync();
        await Task.WhenAll(followers.Select(f => f.Feed.WaitForSeqAsync(seq, timeout)));
        var took = Stopwatch.GetElapsedTime(started);
        var expected = BoardReplica.Canonical(board);
        foreach (var follower in followers)
            Assert.Equal(expected, follower.Feed.Read(r => r.Canonical()));
        return took;
    }

    /// <summary>The log holds seq 1, 2, 3, … up to the board's seq: no gap, no repeat.</summary>
    public async Task AssertLogGaplessAsync()
    {
        var (_, seq) = await CurrentAsync();
        var seqs = (await Owner.EventsAsync(Board)).Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, (int)seq).Select(i => (long)i), seqs);
    }
}
