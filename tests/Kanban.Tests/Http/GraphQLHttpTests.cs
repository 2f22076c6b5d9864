using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Http;

/// <summary>/graphql as an HTTP endpoint: methods, media types, sizes, limits.</summary>
public sealed class GraphQLHttpTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    private static HttpRequestMessage Post(string body, string contentType, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    [Fact]
    public async Task QueriesWorkOverGetAndMutationsAreRefusedThere()
    {
        var api = await _server.SignUpAsync();
        var query = await api.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ me { id } }"));
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(api.UserId, (await Api.ReadAsync(query)).Data.GetProperty("me").Str("id"));

        var mutation = await api.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { createBoard(input: { name: \"x\" }) { id } }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
        Assert.Empty((await api.DataAsync("{ boards { id } }")).GetProperty("boards").EnumerateArray());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task OnlyJsonBodiesAreAcceptedSoNoOtherSiteCanPostWithACookie(string contentType)
    {
        var api = await _server.SignUpAsync();
        var response = await api.Http.SendAsync(Post("""{"query":"mutation { createBoard(input: { name: \"csrf\" }) { id } }"}""", contentType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty((await api.DataAsync("{ boards { id } }")).GetProperty("boards").EnumerateArray());
    }

    [Fact]
    public async Task MalformedJsonIsABadRequest()
    {
        var http = _server.NewHttpClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(Post("{\"query\": ", "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(Post("[1, 2]", "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(Post("{\"query\": 42}", "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(Post("{\"variables\": {}}", "application/json"))).StatusCode);
    }

    [Fact]
    public async Task ABodyOverOneMebibyteIs413()
    {
        var http = _server.NewHttpClient();
        var huge = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + new string('x', 1024 * 1024) + "\"}}";
        var request = Post(huge, "application/json");
        // The server answers from the headers alone; with 100-continue the client waits for that
        // answer instead of racing its body against the server closing the connection.
        request.Headers.ExpectContinue = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await http.SendAsync(request)).StatusCode);

        var justUnder = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + new string('x', 1024 * 1024 - 100) + "\"}}";
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Post(justUnder, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task TheResponseMediaTypeFollowsAccept()
    {
        var http = _server.NewHttpClient();
        const string invalid = """{"query":"{ nope }"}""";
        var modern = await http.SendAsync(Post(invalid, "application/json", "application/graphql-response+json"));
        Assert.Equal(HttpStatusCode.BadRequest, modern.StatusCode);
        Assert.Equal("application/graphql-response+json", modern.Content.Headers.ContentType!.MediaType);
        Assert.Equal("VALIDATION", (await Api.ReadAsync(modern)).Code);

        var legacy = await http.SendAsync(Post(invalid, "application/json", "application/json"));
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal("application/json", legacy.Content.Headers.ContentType!.MediaType);

        Assert.Equal(HttpStatusCode.NotAcceptable, (await http.SendAsync(Post(invalid, "application/json", "text/html"))).StatusCode);
    }

    [Fact]
    public async Task IntrospectionNeedsNoSignInButEverythingElseDoes()
    {
        var http = _server.NewHttpClient();
        var schema = await Api.ReadAsync(await http.PostAsJsonAsync("/graphql", new { query = Introspection.Query }));
        Assert.Empty(schema.Errors);
        Assert.Equal("Query", schema.Data.GetProperty("__schema").GetProperty("queryType").Str("name"));

        var anonymous = new Api(http, "", "");
        foreach (var query in new[] { "{ me { id } }", "{ boards { id } }", $"{{ board(id: \"{Guid.NewGuid()}\") {{ id }} }}",
                     "mutation { createBoard(input: { name: \"x\" }) { id } }", "mutation { updateProfile(name: \"x\") { id } }" })
            Assert.Equal("UNAUTHENTICATED", (await anonymous.FailAsync(query)).Code);
    }

    [Fact]
    public async Task QueriesDeeperThanFifteenLevelsAreRefused()
    {
        var api = await _server.SignUpAsync();
        static string Nest(int levels) => levels == 0 ? "name" : $"ofType {{ {Nest(levels - 1)} }}";
        // __schema(1) types(2) fields(3) type(4), then ofType levels.
        var ok = await api.SendAsync($"{{ __schema {{ types {{ fields {{ type {{ {Nest(10)} }} }} }} }} }}");
        Assert.Empty(ok.Errors);
        var tooDeep = await api.FailAsync($"{{ __schema {{ types {{ fields {{ type {{ {Nest(12)} }} }} }} }} }}");
        Assert.Equal("VALIDATION", tooDeep.Code);
    }

    [Fact]
    public async Task AQueryOverTheCostBudgetIsRefusedBeforeItRuns()
    {
        var api = await _server.SignUpAsync();
        var full = (await api.SendAsync($"{{ boards {{ id columns {{ id tasks {{ {BoardApi.TaskFields} }} }} members {{ role user {{ id name }} }} }} }}"));
        Assert.Empty(full.Errors); // listing every board in full is fine
        var aliased = string.Join(" ", Enumerable.Range(0, 50).Select(i => $"b{i}: boards {{ columns {{ tasks {{ {BoardApi.TaskFields} }} }} }}"));
        Assert.Equal("VALIDATION", (await api.FailAsync($"{{ {aliased} }}")).Code);
    }

    [Fact]
    public async Task ARepeatedQueryTextStillHasItsVariablesChecked()
    {
        // The server keeps validated documents by text; what each request sends is checked every time.
        var api = await _server.SignUpAsync();
        const string rename = "mutation Rename($name: String!) { updateProfile(name: $name) { name } }";
        for (var i = 0; i < 3; i++)
            Assert.Equal($"name {i}", (await api.DataAsync(rename, new { name = $"name {i}" })).GetProperty("updateProfile").Str("name"));
        Assert.Equal("VALIDATION", (await api.FailAsync(rename, new { name = (string?)null })).Code);
        Assert.Equal("VALIDATION", (await api.FailAsync(rename, new { })).Code);
        Assert.Equal("VALIDATION", (await api.FailAsync(rename, new { name = new[] { "a", "b" } })).Code);
        Assert.Equal("name 2", (await api.DataAsync("{ me { name } }")).GetProperty("me").Str("name"));

        // An invalid text stays invalid however often it is sent.
        for (var i = 0; i < 2; i++)
            Assert.Equal("VALIDATION", (await api.FailAsync("{ me { nope } }")).Code);
    }

    [Fact]
    public async Task AnOverlongClientIdIsRefused()
    {
        var api = await _server.SignUpAsync();
        api.ClientId = new string('c', 129);
        Assert.Equal("VALIDATION", (await api.FailAsync("{ me { id } }")).Code);
    }

    [Fact]
    public async Task ErrorsCarryNoStackTraces()
    {
        var api = await _server.SignUpAsync();
        var responses = new[]
        {
            await api.Http.SendAsync(Post("{\"query\": ", "application/json")),
            await api.Http.SendAsync(Post("""{"query":"mutation { createTask(input: { columnId: \"x\", title: \"t\" }) { id } }"}""", "application/json")),
            await api.Http.SendAsync(Post("""{"query":"{ board(id: \"00000000-0000-0000-0000-000000000000\") { id } }"}""", "application/json")),
        };
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("   at ", body);
            Assert.DoesNotContain("Exception", body);
        }
    }

    [Fact]
    public async Task HealthAndReadiness()
    {
        var http = _server.NewHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }
}
