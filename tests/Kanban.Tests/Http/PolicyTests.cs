using System.Net;
using Kanban.Tests.Support;

namespace Kanban.Tests.Http;

/// <summary>Settings that shape who may call and how often.</summary>
public sealed class PolicyTests
{
    [Fact]
    public async Task MutationsBeyondTheRateLimitAreRateLimited()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db, new Dictionary<string, string?>
        {
            ["RATE_LIMIT_PER_SECOND"] = "1",
            ["RATE_LIMIT_BURST"] = "5",
        });
        var ana = await server.SignUpAsync(); // signing up spends no mutation tokens (no name set)
        var results = new List<GraphQLResult>();
        for (var i = 0; i < 20; i++)
            results.Add(await ana.SendAsync("mutation { createBoard(input: { name: \"b\" }) { id } }"));

        // The burst of five always passes; twenty in a row cannot all pass at one per second.
        Assert.All(results.Take(5), r => Assert.Empty(r.Errors));
        var limited = results.Where(r => r.Code == "RATE_LIMITED").ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.Equal(429, r.Status));
        var boards = (await ana.DataAsync("{ boards { id } }")).GetProperty("boards").GetArrayLength();
        Assert.Equal(results.Count(r => r.Errors.Length == 0), boards); // a refused mutation changed nothing
        Assert.Empty((await ana.SendAsync("{ me { id } }")).Errors); // queries are not limited
    }

    [Fact]
    public async Task CorsAllowsTheConfiguredOriginsWithCredentials()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db, new Dictionary<string, string?> { ["CLIENT_URL"] = "http://app.example, http://other.example" });
        var http = server.NewHttpClient();

        var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "http://other.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-client-id");
        var allowed = await http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("http://other.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", allowed.Headers.GetValues("Access-Control-Allow-Credentials").Single());

        var foreign = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        foreign.Headers.Add("Origin", "http://evil.example");
        foreign.Headers.Add("Access-Control-Request-Method", "POST");
        Assert.False((await http.SendAsync(foreign)).Headers.Contains("Access-Control-Allow-Origin"));
    }
}
