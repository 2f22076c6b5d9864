using System.Net;
using Kanban.Client;
using Microsoft.AspNetCore.Http.Connections;

namespace Kanban.Tests.Support.Cluster;

/// <summary>
/// The scale-out deployment on 127.0.0.1: two server processes on one fresh PostgreSQL
/// database and their own Redis, behind nginx running deploy/nginx.conf. Clients go through
/// nginx, as users do; a hub client picks its server with the kanban_node cookie nginx routes by.
/// </summary>
public sealed class KanbanCluster : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly string _directory;

    private KanbanCluster(TestDatabase database, string directory, int presenceTtlSeconds)
    {
        _database = database;
        _directory = directory;
        Redis = new RedisProcess(directory);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString!,
            ["REDIS_URL"] = Redis.Url,
            ["REDIS_PREFIX"] = "kanban-test",
            ["PRESENCE_TTL_SECONDS"] = presenceTtlSeconds.ToString(),
            ["RATE_LIMIT_PER_SECOND"] = "0",
            ["AUTH_RATE_LIMIT_PER_MINUTE"] = "0",
        };
        Nodes = [new NodeProcess("node1", directory, environment), new NodeProcess("node2", directory, environment)];
        Proxy = new NginxProcess(directory);
        PresenceTtl = TimeSpan.FromSeconds(presenceTtlSeconds);
    }

    public RedisProcess Redis { get; }
    public NodeProcess[] Nodes { get; }
    public NginxProcess Proxy { get; }
    public Uri Address => Proxy.Address;
    public TimeSpan PresenceTtl { get; }

    /// <summary>Where a failing test's server, Redis and nginx logs are.</summary>
    public string Logs => _directory;

    public static async Task<KanbanCluster> StartAsync(int presenceTtlSeconds)
    {
        var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var cluster = new KanbanCluster(database, database.DataDir, presenceTtlSeconds);
        try
        {
            await cluster.Redis.StartAsync();
            // Both at once, as docker compose starts them: the migrations must not race.
            await Task.WhenAll(cluster.Nodes.Select(n => n.StartAsync()));
            await cluster.Proxy.StartAsync(cluster.Nodes);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync(); // no process outlives a failed start
            throw;
        }
    }

    /// <summary>Starts again whatever a previous test stopped or killed.</summary>
    public async Task EnsureRunningAsync()
    {
        if (!Redis.Running)
            await Redis.StartAsync();
        await Task.WhenAll(Nodes.Where(n => !n.Running).Select(n => n.StartAsync()));

        // nginx holds a server it saw fail as down for a few seconds (fail_timeout, in the state its
        // workers share): wait until it routes to each again, hub requests and the others.
        foreach (var node in Nodes)
        {
            // The cookie is sent by hand: a client keeping cookies would take the other node's
            // name from the first answer that came from it, and ask for that node from then on.
            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = Address };
            http.DefaultRequestHeaders.Add("Cookie", $"kanban_node={node.Name}");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!(await http.PostAsync("/hubs/board/negotiate?negotiateVersion=1", null)).Headers
                       .TryGetValues(NodeHeader, out var names) || names.Single() != node.Name)
            {
                Assert.True(DateTime.UtcNow < deadline, $"nginx does not route to {node.Name} again");
                await Task.Delay(200);
            }
        }
        await WaitUntilRoundRobinReachesEveryNodeAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Sends stateless requests through nginx (round robin) until every node has answered one.
    /// Round robin promises nothing about the next few requests: after a server failed, nginx
    /// hands the other one several in a row before it takes its turn again.
    /// </summary>
    public async Task WaitUntilRoundRobinReachesEveryNodeAsync(TimeSpan timeout)
    {
        var missing = Nodes.Select(n => n.Name).ToHashSet();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = Address };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            missing.Remove((await http.GetAsync("/healthz")).Headers.GetValues(NodeHeader).Single());
            if (missing.Count == 0)
                return;
            Assert.True(DateTime.UtcNow < deadline, $"nginx sends no stateless request to {string.Join(", ", missing)}");
            await Task.Delay(100);
        }
    }

    private const string NodeHeader = "X-Kanban-Node";

    /// <summary>An HTTP client through nginx; with a node, pinned to it the way nginx routes hub traffic.</summary>
    public HttpClient NewHttpClient(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = Address };

    public async Task<Api> SignUpAsync(string name) => await Accounts.SignUpAsync(NewHttpClient(), name);

    /// <summary>The cookie nginx's sticky routing reads: a hub client that carries it goes to that node while it is up.</summary>
    public CookieContainer PinnedTo(string node)
    {
        var cookies = new CookieContainer();
        cookies.Add(new Cookie("kanban_node", node, "/hubs/", Address.Host));
        return cookies;
    }

    /// <summary>A hub connection through nginx, to the given node while it is up (any node for null).</summary>
    public Task<BoardConnection> ConnectAsync(Api api, string? node, HttpTransportType transport = HttpTransportType.WebSockets) =>
        ConnectAsync(api, node is null ? new CookieContainer() : PinnedTo(node), transport);

    /// <summary>A hub connection through nginx carrying these cookies (nginx's answers update them, as a browser's would).</summary>
    public Task<BoardConnection> ConnectAsync(Api api, CookieContainer cookies, HttpTransportType transport) =>
        BoardConnection.ConnectAsync(Address, () => Task.FromResult<string?>(api.Token()), transport, http: o => o.Cookies = cookies);

    /// <summary>Follows a board through nginx from the given node, reconnecting (through nginx again) whenever the connection drops.</summary>
    public Task<BoardFollower> FollowAsync(Api api, string boardId, string node)
    {
        var cookies = PinnedTo(node);
        return BoardFollower.StartAsync(() => ConnectAsync(api, cookies, HttpTransportType.WebSockets), boardId, api.LogReader(boardId));
    }

    public async ValueTask DisposeAsync()
    {
        Proxy.Dispose();
        foreach (var node in Nodes)
            node.Dispose();
        Redis.Dispose();
        await _database.DisposeAsync();
    }
}
