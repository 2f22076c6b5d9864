using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kanban.Client;
using Kanban.Tests.Support;
using Kanban.Tests.Support.Cluster;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Kanban.Tests.ScaleOut;

/// <summary>
/// One cluster for the scale-out tests, which run one after the other: a test that kills a
/// server or Redis leaves it to the next test's <see cref="KanbanCluster.EnsureRunningAsync"/>
/// to start it again. Presence lives 3 s here (the default is 15), to test its bound quickly.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int PresenceTtlSeconds = 3;

    public KanbanCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await KanbanCluster.StartAsync(PresenceTtlSeconds);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition("scale-out", DisableParallelization = true)]
public sealed class ScaleOutCollection : ICollectionFixture<ClusterFixture>;

/// <summary>
/// Two server processes on one PostgreSQL and one Redis behind nginx (deploy/nginx.conf):
/// changes made on either reach clients on both, in seq order, through a node dying and
/// Redis going away.
/// </summary>
[Collection("scale-out")]
public sealed class ScaleOutTests(ClusterFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Cluster.EnsureRunningAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ClientsOnBothNodesConvergeWhileBothNodesWriteOneBoard()
    {
        var cluster = fixture.Cluster;
        var s = await ClusterScenario.CreateAsync(cluster);
        var followers = new[]
        {
            await s.FollowAsync(s.Owner, "node1"), await s.FollowAsync(s.Owner, "node2"),
            await s.FollowAsync(s.Editor, "node1"), await s.FollowAsync(s.Editor, "node2"),
        };

        // Stateless requests through nginx land on both servers.
        await cluster.WaitUntilRoundRobinReachesEveryNodeAsync(Live.Timeout);

        // Both people write at once, each straight to a different server.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var writes = await Task.WhenAll(
            s.MoveUntilAsync(ClusterScenario.On(s.Owner, cluster.Nodes[0].Address), 1, stop.Token),
            s.MoveUntilAsync(ClusterScenario.On(s.Editor, cluster.Nodes[1].Address), 2, stop.Token));
        Assert.All(writes, w => Assert.Equal(0, w.Failed));
        Assert.All(writes, w => Assert.True(w.Done > 10, $"only {w.Done} writes"));

        var took = await s.AssertConvergedAsync(followers, Converge);
        await s.AssertLogGaplessAsync();
        output.WriteLine($"{writes.Sum(w => w.Done)} moves on two nodes; 4 replicas converged {took.TotalMilliseconds:F0} ms after the last write; " +
                         $"gaps filled from the log: {followers.Sum(f => f.Feed.GapsFilled)}");
        foreach (var f in followers)
            await f.DisposeAsync();
    }

    [Theory]
    [InlineData(HttpTransportType.ServerSentEvents)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task NegotiationAndItsRequestsStayOnOneNode(HttpTransportType transport)
    {
        var cluster = fixture.Cluster;
        var s = await ClusterScenario.CreateAsync(cluster, tasks: 1);

        // No pin: nginx spreads negotiations over both servers, then keeps each connection's
        // polls or stream on the server that negotiated it (a wrong server answers 404).
        // Round robin does not put any 4 negotiations in a row on both servers: after a server
        // failed (the test before may have killed node 1), nginx gives the other one the next
        // few. So connections are opened until each server is home to some (4 at least).
        var clients = new List<(BoardConnection Connection, CookieContainer Cookies)>();
        var homes = new List<string>();
        var deadline = DateTime.UtcNow + Converge;
        while (clients.Count < 4 || homes.Distinct().Count() < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{clients.Count} negotiations through nginx, all on {string.Join(", ", homes.Distinct())}");
            if (clients.Count >= 4)
                await Task.Delay(100); // polling a condition: nginx's next round robin turn
            var cookies = new CookieContainer();
            var connection = await cluster.ConnectAsync(s.Editor, cookies, transport);
            await connection.JoinAsync(s.Board, null);
            clients.Add((connection, cookies));
            homes.Add(cookies.GetCookies(new Uri(cluster.Address, "/hubs/board")).Single(k => k.Name == "kanban_node").Value);
        }
        output.WriteLine($"{clients.Count} connections, homes {string.Join(" ", homes)}");

        for (var round = 0; round < 3; round++)
        {
            var moved = await s.Owner.MoveTaskAsync(s.Tasks[0], s.Columns[(round + 1) % 3], 0);
            foreach (var (connection, _) in clients)
            {
                var e = await connection.NextAsync(e => e.Str("type") == "task:moved", Live.Timeout);
                Assert.Equal(moved.GetProperty("columnId").GetString(), e.Str("toColumn"));
            }
        }
        foreach (var (connection, _) in clients)
        {
            Assert.Equal(HubConnectionState.Connected, connection.Hub.State);
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task KillingANodeMovesItsClientsToTheOtherWithNothingLost()
    {
        var cluster = fixture.Cluster;
        var s = await ClusterScenario.CreateAsync(cluster);
        var onNode1 = new[] { await s.FollowAsync(s.Owner, "node1"), await s.FollowAsync(s.Editor, "node1"), await s.FollowAsync(s.Editor, "node1") };
        var onNode2 = new[] { await s.FollowAsync(s.Owner, "node2"), await s.FollowAsync(s.Editor, "node2") };
        var followers = onNode1.Concat(onNode2).ToList();

        // A stream of mutations through nginx, before, during and after the kill.
        using var stop = new CancellationTokenSource();
        var writing = Task.WhenAll(
            s.MoveUntilAsync(s.Owner, 1, stop.Token, TimeSpan.FromMilliseconds(5)),
            s.MoveUntilAsync(s.Editor, 2, stop.Token, TimeSpan.FromMilliseconds(5)));
        await WaitUntilAsync(async () => (await s.CurrentAsync()).Seq > 100);

        var resumed = onNode1.Select(f =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            f.Resumed += () => done.TrySetResult();
            return done.Task;
        }).ToList();
        cluster.Nodes[0].Kill();
        var killed = Stopwatch.GetTimestamp();
        var atKill = (await s.CurrentAsync()).Seq; // everything committed before the kill, at least
        await Task.WhenAll(resumed).WaitAsync(Converge);
        await Task.WhenAll(followers.Select(f => f.Feed.WaitForSeqAsync(atKill, Converge)));
        var caughtUp = Stopwatch.GetElapsedTime(killed);

        await Task.Delay(TimeSpan.FromSeconds(1)); // the stream goes on through node 2 (not a wait for a condition)
        await stop.CancelAsync();
        var writes = await writing;
        var took = await s.AssertConvergedAsync(followers, Converge);
        await s.AssertLogGaplessAsync();

        Assert.All(onNode1, f => Assert.True(f.Reconnects >= 1, "a client of the killed node did not reconnect"));
        Assert.All(onNode2, f => Assert.Equal(0, f.Reconnects));
        output.WriteLine($"node 1 killed at seq {atKill}: its 3 clients reconnected through nginx to node 2 and all 5 " +
                         $"held that seq {caughtUp.TotalMilliseconds:F0} ms after the kill; {writes.Sum(w => w.Done)} moves, {writes.Sum(w => w.Failed)} lost with node 1; " +
                         $"converged {took.TotalMilliseconds:F0} ms after the last write; gaps filled: {followers.Sum(f => f.Feed.GapsFilled)}");
        foreach (var f in followers)
            await f.DisposeAsync();
    }

    [Fact]
    public async Task AfterRedisIsGoneForThreeSecondsEveryClientFillsTheGapFromTheLog()
    {
        var cluster = fixture.Cluster;
        var s = await ClusterScenario.CreateAsync(cluster);
        var followers = new[]
        {
            await s.FollowAsync(s.Owner, "node1"), await s.FollowAsync(s.Editor, "node1"),
            await s.FollowAsync(s.Owner, "node2"), await s.FollowAsync(s.Editor, "node2"),
        };

        using var stop = new CancellationTokenSource();
        var writing = Task.WhenAll(
            s.MoveUntilAsync(ClusterScenario.On(s.Owner, cluster.Nodes[0].Address), 1, stop.Token, TimeSpan.FromMilliseconds(10)),
            s.MoveUntilAsync(ClusterScenario.On(s.Editor, cluster.Nodes[1].Address), 2, stop.Token, TimeSpan.FromMilliseconds(10)));
        await WaitUntilAsync(async () => (await s.CurrentAsync()).Seq > 80);

        cluster.Redis.Stop();
        var before = (await s.CurrentAsync()).Seq;
        await WaitUntilAsync(async () => (await s.CurrentAsync()).Seq > before + 20); // writes go on: the database is up
        await Task.Delay(TimeSpan.FromSeconds(3)); // the outage itself, not a wait for a condition
        await cluster.Redis.StartAsync();
        var back = Stopwatch.GetTimestamp();
        var atStart = (await s.CurrentAsync()).Seq;
        await Task.WhenAll(followers.Select(f => f.Feed.WaitForSeqAsync(atStart, Converge)));
        var caughtUp = Stopwatch.GetElapsedTime(back);

        await stop.CancelAsync();
        var writes = await writing;
        Assert.All(writes, w => Assert.Equal(0, w.Failed));
        var took = await s.AssertConvergedAsync(followers, Converge);
        await s.AssertLogGaplessAsync();
        Assert.All(followers, f => Assert.True(f.Feed.GapsFilled >= 1, "a client never noticed the events it missed"));
        Assert.All(followers, f => Assert.Equal(0, f.Reconnects));
        output.WriteLine($"Redis down from seq {before} to {atStart}: all 4 clients at seq {atStart} {caughtUp.TotalMilliseconds:F0} ms after Redis started again; " +
                         $"{writes.Sum(w => w.Done)} moves; converged {took.TotalMilliseconds:F0} ms after the last write; gaps filled: {followers.Sum(f => f.Feed.GapsFilled)}");
        foreach (var f in followers)
            await f.DisposeAsync();
    }

    [Fact]
    public async Task PresenceShowsViewersOfBothNodesAndDropsADeadNodesWithinTheBound()
    {
        const int ttlSeconds = ClusterFixture.PresenceTtlSeconds;
        var cluster = fixture.Cluster;
        var s = await ClusterScenario.CreateAsync(cluster, tasks: 1);
        var cat = await cluster.SignUpAsync("cat");
        await s.Owner.AddMemberAsync(s.Board, cat, "VIEWER");

        await using var watcher = await cluster.ConnectAsync(cat, "node2");
        await watcher.JoinAsync(s.Board, null);
        await using var ana = await cluster.ConnectAsync(s.Owner, "node1");
        await ana.JoinAsync(s.Board, null);
        await using var ben = await cluster.ConnectAsync(s.Editor, "node2");
        await ben.JoinAsync(s.Board, null);
        await watcher.NextAsync(e => Viewers(e).SetEquals([s.Owner.UserId, s.Editor.UserId, cat.UserId]), Live.Timeout);

        cluster.Nodes[0].Kill();
        var killed = Stopwatch.GetTimestamp();
        var bound = TimeSpan.FromSeconds(ttlSeconds * 4 / 3.0);
        await watcher.NextAsync(e => Viewers(e).SetEquals([s.Editor.UserId, cat.UserId]), bound + TimeSpan.FromSeconds(3));
        var gone = Stopwatch.GetElapsedTime(killed);
        output.WriteLine($"the dead node's viewer dropped out {gone.TotalMilliseconds:F0} ms after the kill (TTL {ttlSeconds} s, bound {bound.TotalSeconds:F0} s)");
        Assert.True(gone <= bound + TimeSpan.FromSeconds(1), $"took {gone}, bound {bound}");
    }

    [Fact]
    public async Task ARemovedMemberIsPutOutOnTheOtherNode()
    {
        var cluster = fixture.Cluster;
        var s = await ClusterScenario.CreateAsync(cluster, tasks: 1);
        var owner = ClusterScenario.On(s.Owner, cluster.Nodes[0].Address);

        await using var removed = await cluster.ConnectAsync(s.Editor, "node2");
        await removed.JoinAsync(s.Board, null);
        await using var stays = await cluster.ConnectAsync(s.Owner, "node2");
        await stays.JoinAsync(s.Board, null);
        // The removed member's board list, on the other node, in no room: it hears it too.
        await using var list = await cluster.ConnectAsync(s.Editor, "node1");

        await owner.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = s.Board, u = s.Editor.UserId });
        var e = await removed.NextAsync(e => e.Str("type") == "member:removed", Live.Timeout);
        Assert.Equal(s.Editor.UserId, e.Str("userId"));
        Assert.Equal(s.Board, (await list.NextAsync(e => e.Str("type") == "member:removed", Live.Timeout)).Str("boardId"));

        // The next change reaches the member who stays (on the same node) and not the removed one.
        await owner.MoveTaskAsync(s.Tasks[0], s.Columns[1], 0);
        await stays.NextAsync(e => e.Str("type") == "task:moved", Live.Timeout);
        await removed.RoundTripAsync();
        while (removed.Received.TryRead(out var later))
            Assert.True(later.Str("type") == "presence:changed" && later.GetProperty("seq").ValueKind == JsonValueKind.Undefined,
                $"a removed member received {later}");
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => removed.JoinAsync(s.Board, null));
    }

    [Fact]
    public async Task OneSignInWorksOnEveryNodeAndSurvivesARestart()
    {
        var cluster = fixture.Cluster;
        var ana = await cluster.SignUpAsync("ana");
        var onNode1 = ClusterScenario.On(ana, cluster.Nodes[0].Address);
        var onNode2 = ClusterScenario.On(ana, cluster.Nodes[1].Address);
        Assert.Equal(ana.UserId, (await onNode2.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString());

        // A cookie session made by node 1 opens node 2.
        var cookies = new CookieContainer();
        using (var login = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = cluster.Nodes[0].Address })
            Assert.True((await login.PostAsync($"/auth/login?useCookies=true", JsonContent(new { email = ana.Email, password = Accounts.Password }))).IsSuccessStatusCode);
        var session = cookies.GetCookies(cluster.Nodes[0].Address);
        var toNode2 = new CookieContainer();
        foreach (Cookie c in session)
            toNode2.Add(cluster.Nodes[1].Address, new Cookie(c.Name, c.Value));
        using (var node2 = new HttpClient(new HttpClientHandler { CookieContainer = toNode2 }) { BaseAddress = cluster.Nodes[1].Address })
            Assert.Equal(ana.UserId, (await new Api(node2, "", ana.Email).DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString());

        cluster.Nodes[0].Kill();
        await cluster.Nodes[0].StartAsync();
        Assert.Equal(ana.UserId, (await onNode1.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString());
    }

    [Fact]
    public async Task EachNodeNamesItselfAndExportsMetricsAndNginxServesTheApp()
    {
        var cluster = fixture.Cluster;
        var s = await ClusterScenario.CreateAsync(cluster, tasks: 1);
        await using var connection = await cluster.ConnectAsync(s.Owner, "node1");
        await connection.JoinAsync(s.Board, null);
        await ClusterScenario.On(s.Owner, cluster.Nodes[0].Address).MoveTaskAsync(s.Tasks[0], s.Columns[2], 0);

        using var node1 = new HttpClient { BaseAddress = cluster.Nodes[0].MetricsAddress };
        var response = await node1.GetAsync("/metrics");
        Assert.Equal("node1", response.Headers.GetValues("X-Kanban-Node").Single());
        var metrics = await response.Content.ReadAsStringAsync();
        foreach (var name in new[]
                 {
                     "kanban_hub_connections", "kanban_hub_joined_boards", "kanban_events_published_total",
                     "kanban_mutation_duration_seconds_bucket", "kanban_catchups_total",
                 })
            Assert.Contains(name, metrics);
        var ours = string.Join('\n', metrics.Split('\n').Where(l => l.StartsWith("kanban_")));
        Assert.True(Regex.IsMatch(ours, @"^kanban_hub_connections(\{[^}]*\})? [1-9]", RegexOptions.Multiline), ours);
        Assert.True(Regex.IsMatch(ours, @"^kanban_mutation_duration_seconds_count\{[^}]*mutation=""moveTask""[^}]*outcome=""ok""[^}]*\} [1-9]", RegexOptions.Multiline), ours);

        // Through nginx: the app, the API, and no metrics.
        using var http = cluster.NewHttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", await page.Content.ReadAsStringAsync());
    }

    private static HashSet<string> Viewers(JsonElement e) =>
        e.Str("type") == "presence:changed"
            ? e.GetProperty("viewers").EnumerateArray().Select(v => v.GetProperty("user").Str("id")).ToHashSet()
            : [];

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Converge;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }
}
