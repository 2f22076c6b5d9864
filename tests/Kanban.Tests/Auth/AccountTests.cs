using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Auth;

/// <summary>Accounts through Identity's /auth endpoints: cookies, tokens, restarts (abuse and revocation: AccountAbuseTests, SessionRevocationTests).</summary>
public sealed class AccountTests
{
    private static async Task<HttpClient> CookieClientAsync(KanbanServer server, string email)
    {
        var cookies = new CookieContainer();
        var http = server.NewHttpClient(new SocketsHttpHandler { CookieContainer = cookies });
        var login = await http.PostAsJsonAsync("/auth/login?useCookies=true", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var setCookie = login.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        return http;
    }

    [Fact]
    public async Task ACookieSignsInTheBrowserForJsonRequestsOnly()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db);
        var ana = await server.SignUpAsync("ana");
        var browser = await CookieClientAsync(server, ana.Email);

        var me = await new Api(browser, ana.UserId, ana.Email).DataAsync("{ me { id name } }");
        Assert.Equal(ana.UserId, me.GetProperty("me").Str("id"));

        var form = new StringContent("query=mutation%20%7B%20createBoard(input%3A%20%7Bname%3A%20%22x%22%7D)%20%7B%20id%20%7D%20%7D",
            Encoding.UTF8, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await browser.PostAsync("/graphql", form)).StatusCode);

        await browser.PostAsync("/auth/logout", JsonContent.Create(new { }));
        var after = await new Api(browser, "", "").FailAsync("{ me { id } }");
        Assert.Equal("UNAUTHENTICATED", after.Code);
    }

    [Fact]
    public async Task RefreshTokensIssueANewAccessToken()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db);
        var ana = await server.SignUpAsync("ana");
        var http = server.NewHttpClient();
        var login = await http.PostAsJsonAsync("/auth/login", new { email = ana.Email, password = Accounts.Password });
        using var tokens = JsonDocument.Parse(await login.Content.ReadAsStringAsync());

        var refresh = await http.PostAsJsonAsync("/auth/refresh", new { refreshToken = tokens.RootElement.Str("refreshToken") });
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        using var renewed = JsonDocument.Parse(await refresh.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = Api.Bearer(renewed.RootElement.Str("accessToken"));
        Assert.Equal(ana.UserId, (await new Api(http, "", "").DataAsync("{ me { id } }")).GetProperty("me").Str("id"));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task RestartingTheServerSignsNobodyOut(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        string token, email, userId;
        HttpClient browser;
        await using (var before = new KanbanServer(db))
        {
            var ana = await before.SignUpAsync("ana");
            (token, email, userId) = (ana.Http.DefaultRequestHeaders.Authorization!.Parameter!, ana.Email, ana.UserId);
            browser = await CookieClientAsync(before, email);
            await ana.CreateBoardAsync("Survives");
        }

        await using var after = new KanbanServer(db);
        var http = after.NewHttpClient();
        http.DefaultRequestHeaders.Authorization = Api.Bearer(token);
        var boards = await new Api(http, userId, email).DataAsync("{ me { id } boards { name } }");
        Assert.Equal(userId, boards.GetProperty("me").Str("id"));
        Assert.Equal("Survives", boards.GetProperty("boards")[0].Str("name"));

        // The browser's cookie, signed by the first process, is still good (cookies ignore the port).
        var viaCookie = await browser.PostAsJsonAsync(new Uri(after.Address, "/graphql"), new { query = "{ me { id } }" });
        Assert.Equal(userId, (await Api.ReadAsync(viaCookie)).Data.GetProperty("me").Str("id"));
    }
}
