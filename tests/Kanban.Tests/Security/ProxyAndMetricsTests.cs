using System.Net;
using System.Net.Http.Json;
using Kanban.Tests.Support;
using Kanban.Tests.Support.Cluster;

namespace Kanban.Tests.Security;

/// <summary>What the server believes of a proxy in front of it, and who may read its metrics.</summary>
public sealed class ProxyAndMetricsTests
{
    private static async Task<string> SessionCookieAsync(KanbanServer server, string? forwardedProto)
    {
        var http = server.NewHttpClient();
        var email = $"proxy-{Guid.NewGuid():N}@example.test";
        Assert.True((await http.PostAsJsonAsync("/auth/register", new { email, password = Accounts.Password })).IsSuccessStatusCode);
        var login = new HttpRequestMessage(HttpMethod.Post, "/auth/login?useCookies=true")
        {
            Content = JsonContent.Create(new { email, password = Accounts.Password }),
        };
        if (forwardedProto is not null)
        {
            login.Headers.Add("X-Forwarded-Proto", forwardedProto);
            login.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }
        var response = await http.SendAsync(login);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kanban.session="));
    }

    [Fact]
    public async Task TheSessionCookieIsSecureWhenATrustedProxySaysTheBrowserCameOverHttps()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db); // the default trusts loopback, where this test calls from

        Assert.Contains("; secure", await SessionCookieAsync(server, "https"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", await SessionCookieAsync(server, null), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUntrustedCallersForwardedHeadersAreIgnored()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db, new Dictionary<string, string?> { ["TRUSTED_PROXIES"] = "10.9.8.7" });

        Assert.DoesNotContain("; secure", await SessionCookieAsync(server, "https"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BehindATrustedProxyTheAuthRateLimitCountsEachForwardedClient()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db, new Dictionary<string, string?>
        {
            ["AUTH_RATE_LIMIT_PER_MINUTE"] = "6",
            ["AUTH_RATE_LIMIT_BURST"] = "3",
        });
        var http = server.NewHttpClient();
        async Task<HttpStatusCode> LogInFromAsync(string client)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login")
            {
                Content = JsonContent.Create(new { email = "nobody@example.test", password = "wrong-Password-1" }),
            };
            request.Headers.Add("X-Forwarded-For", client); // as nginx on this machine reports the browser
            return (await http.SendAsync(request)).StatusCode;
        }

        var flood = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
            flood.Add(await LogInFromAsync("203.0.113.1"));

        Assert.Contains(HttpStatusCode.TooManyRequests, flood);
        Assert.Equal(HttpStatusCode.Unauthorized, await LogInFromAsync("203.0.113.2")); // another browser behind the same proxy
    }

    [Fact]
    public async Task MetricsAreServedOnlyOnTheirOwnListener()
    {
        var metricsPort = ChildProcess.FreePort();
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db, new Dictionary<string, string?> { ["METRICS_URL"] = $"http://127.0.0.1:{metricsPort}" });
        await server.SignUpAsync(); // something to count
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };

        var scrape = await metrics.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("# TYPE", await scrape.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await metrics.GetAsync("/")).StatusCode); // nothing of the app there
        Assert.Equal(HttpStatusCode.NotFound, (await metrics.PostAsJsonAsync("/graphql", new { query = "{ me { id } }" })).StatusCode);

        var onAppPort = await server.NewHttpClient().GetAsync("/metrics");
        Assert.DoesNotContain("# TYPE", await onAppPort.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutAMetricsListenerThereAreNoMetrics()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db);

        var response = await server.NewHttpClient().GetAsync("/metrics");
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync());
    }
}
