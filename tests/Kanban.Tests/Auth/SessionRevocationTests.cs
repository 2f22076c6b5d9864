using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kanban.Client;
using Kanban.Server.Auth;
using Kanban.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kanban.Tests.Auth;

/// <summary>
/// Logging out, changing the password and refreshing end sessions on the server: what a client held
/// before stops working, whichever way it signs in (cookie, bearer header, ?access_token= on the hub).
/// </summary>
public sealed class SessionRevocationTests
{
    private const string Negotiate = "/hubs/board/negotiate?negotiateVersion=1";
    private const string NewPassword = "Other-Horse-10";

    private static async Task<(HttpClient Browser, string Cookie)> BrowserAsync(KanbanServer server, string email, string password = Accounts.Password)
    {
        var cookies = new CookieContainer();
        var browser = server.NewHttpClient(new SocketsHttpHandler { CookieContainer = cookies });
        (await browser.PostAsJsonAsync("/auth/login?useCookies=true", new { email, password })).EnsureSuccessStatusCode();
        return (browser, cookies.GetCookieHeader(server.Address));
    }

    private static async Task<JsonElement> TokensAsync(HttpClient http, string email, string password = Accounts.Password)
    {
        var login = await http.PostAsJsonAsync("/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static HttpClient WithToken(KanbanServer server, string token)
    {
        var http = server.NewHttpClient();
        http.DefaultRequestHeaders.Authorization = Api.Bearer(token);
        return http;
    }

    private static async Task<string?> MeAsync(HttpClient http)
    {
        var result = await new Api(http, "", "").SendAsync("{ me { id } }");
        return result.Code ?? result.Data.GetProperty("me").Str("id");
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient http, string refreshToken) =>
        http.PostAsJsonAsync("/auth/refresh", new { refreshToken });

    private static async Task<HttpStatusCode> OpenHubWithCookieAsync(KanbanServer server, string cookie)
    {
        var cookies = new CookieContainer();
        cookies.SetCookies(server.Address, cookie);
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(server.Address, "/hubs/board"), o => o.Cookies = cookies).Build();
        try
        {
            await hub.StartAsync();
            return HttpStatusCode.OK;
        }
        catch (HttpRequestException e) when (e.StatusCode is { } status)
        {
            return status;
        }
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task LoggingOutEndsTheCookieForGraphQLAndTheHub(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = new KanbanServer(db);
        var ana = await server.SignUpAsync("ana");
        var (browser, cookie) = await BrowserAsync(server, ana.Email);
        using var replay = server.WithCookie(cookie); // someone who copied the cookie
        Assert.Equal(ana.UserId, await MeAsync(replay));
        Assert.Equal(HttpStatusCode.OK, await OpenHubWithCookieAsync(server, cookie));

        (await browser.PostAsync("/auth/logout", JsonContent.Create(new { }))).EnsureSuccessStatusCode();

        Assert.Equal("UNAUTHENTICATED", await MeAsync(replay));
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.PostAsync(Negotiate, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await OpenHubWithCookieAsync(server, cookie));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task LoggingOutEndsTheBearerTokenInTheHeaderAndOnTheHub(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = new KanbanServer(db);
        var ana = await server.SignUpAsync("ana");
        var token = (await TokensAsync(server.NewHttpClient(), ana.Email)).Str("accessToken");
        using var http = WithToken(server, token);
        using var anonymous = server.NewHttpClient();
        var viaQuery = $"{Negotiate}&access_token={Uri.EscapeDataString(token)}";
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(viaQuery, null)).StatusCode);

        (await http.PostAsync("/auth/logout", JsonContent.Create(new { }))).EnsureSuccessStatusCode();

        Assert.Equal("UNAUTHENTICATED", await MeAsync(http));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync(Negotiate, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(viaQuery, null)).StatusCode);
        // The sign-up's own token was another session of the same user: "logout" ends them all.
        Assert.Equal("UNAUTHENTICATED", await MeAsync(ana.Http));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task LoggingOutClosesTheHubConnectionsOpenedBefore(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = new KanbanServer(db);
        var ana = await server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var token = ana.Token();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Address, "/hubs/board"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("JoinBoard", board, null);

        // Ben, still signed in, is on the same board in the same server.
        var ben = await server.SignUpAsync("ben");
        await ana.AddMemberAsync(board, ben, "VIEWER");
        await using var bens = await server.ConnectAsync(ben);
        await bens.JoinAsync(board, null);

        (await ana.Http.PostAsync("/auth/logout", JsonContent.Create(new { }))).EnsureSuccessStatusCode();

        // Checked every 5 s (the stamp lifetime): closed well within 15.
        await closed.Task.WaitAsync(Live.Timeout);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        // The same check passed over Ben's connection, which stays open and usable.
        Assert.Equal(HubConnectionState.Connected, bens.Hub.State);
        await bens.RoundTripAsync();
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ARefreshTokenWorksOnceAndTheOneItGivesWorksOnce(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = new KanbanServer(db);
        var ana = await server.SignUpAsync("ana");
        using var http = server.NewHttpClient();
        var first = (await TokensAsync(http, ana.Email)).Str("refreshToken");

        var refreshed = await RefreshAsync(http, first);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using var renewed = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());
        var second = renewed.RootElement.Str("refreshToken");
        Assert.NotEqual(first, second);
        Assert.Equal(ana.UserId, await MeAsync(WithToken(server, renewed.RootElement.Str("accessToken"))));

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(http, first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(http, second)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(http, second)).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ChangingThePasswordEndsTheOtherSessionsAndKeepsTheBrowsers(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = new KanbanServer(db);
        var ana = await server.SignUpAsync("ana");
        var phone = await TokensAsync(server.NewHttpClient(), ana.Email); // another device
        var (browser, _) = await BrowserAsync(server, ana.Email);

        var change = await browser.PostAsJsonAsync("/auth/manage/info", new { oldPassword = Accounts.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        Assert.Equal("UNAUTHENTICATED", await MeAsync(WithToken(server, phone.Str("accessToken"))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(server.NewHttpClient(), phone.Str("refreshToken"))).StatusCode);
        Assert.Equal("UNAUTHENTICATED", await MeAsync(ana.Http));
        Assert.Equal(ana.UserId, await MeAsync(browser)); // its cookie was issued again
        Assert.Equal(ana.UserId, await MeAsync(WithToken(server, (await TokensAsync(server.NewHttpClient(), ana.Email, NewPassword)).Str("accessToken"))));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ALogoutOnOneServerReachesAnotherWithinTheStampLifetime(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var one = new KanbanServer(db);
        await using var two = new KanbanServer(db);
        var ana = await one.SignUpAsync("ana");
        var token = ana.Token();
        using var onTwo = WithToken(two, token);
        Assert.Equal(ana.UserId, await MeAsync(onTwo)); // server two now holds ana's stamp

        (await ana.Http.PostAsync("/auth/logout", JsonContent.Create(new { }))).EnsureSuccessStatusCode();
        var loggedOut = DateTime.UtcNow;
        while (await MeAsync(onTwo) != "UNAUTHENTICATED")
        {
            Assert.True(DateTime.UtcNow - loggedOut < TimeSpan.FromSeconds(5) + TimeSpan.FromSeconds(3), "server two still takes the token");
            await Task.Delay(200);
        }
        // And a new sign-in (a new stamp) is taken by server two at once, not when its old stamp runs out.
        var again = await TokensAsync(one.NewHttpClient(), ana.Email);
        Assert.Equal(ana.UserId, await MeAsync(WithToken(two, again.Str("accessToken"))));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ABearerTokenOpenedOnceIsStillRefusedOnceItHasExpired(DatabaseKind kind)
    {
        // The server remembers a token's ticket after opening it (RememberedTickets): what it remembers
        // must not outlive the token, on the hub's negotiate as on GraphQL.
        await using var db = await TestDatabase.CreateAsync(kind);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = new KanbanServer(db, services: s => s.AddSingleton<TimeProvider>(clock));
        var ana = await server.SignUpAsync("ana");
        var tokens = await TokensAsync(server.NewHttpClient(), ana.Email);
        using var http = WithToken(server, tokens.Str("accessToken"));
        Assert.Equal(ana.UserId, await MeAsync(http));
        Assert.Equal(ana.UserId, await MeAsync(http)); // the remembered ticket
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(Negotiate, null)).StatusCode);

        clock.Advance(TimeSpan.FromSeconds(tokens.GetProperty("expiresIn").GetInt32() + 1));

        Assert.Equal("UNAUTHENTICATED", await MeAsync(http));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync(Negotiate, null)).StatusCode);
        // A new sign-in on the same clock is taken at once.
        var again = await TokensAsync(server.NewHttpClient(), ana.Email);
        Assert.Equal(ana.UserId, await MeAsync(WithToken(server, again.Str("accessToken"))));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ASessionCookieOpenedOnceIsStillRefusedOnceItHasExpired(DatabaseKind kind)
    {
        // The cookie's ticket is remembered after it is opened (RememberedCookieFormat), like a
        // bearer token's: what is remembered must not outlive the cookie (14 days, sliding).
        await using var db = await TestDatabase.CreateAsync(kind);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = new KanbanServer(db, services: s => s.AddSingleton<TimeProvider>(clock));
        var cookieOptions = server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.IsType<RememberedCookieFormat>(cookieOptions.TicketDataFormat);
        var ana = await server.SignUpAsync("ana");
        var (_, cookie) = await BrowserAsync(server, ana.Email);
        using var replay = server.WithCookie(cookie);
        Assert.Equal(ana.UserId, await MeAsync(replay));
        Assert.Equal(ana.UserId, await MeAsync(replay)); // the remembered ticket
        Assert.Equal(HttpStatusCode.OK, await OpenHubWithCookieAsync(server, cookie));

        clock.Advance(cookieOptions.ExpireTimeSpan + TimeSpan.FromMinutes(1));

        Assert.Equal("UNAUTHENTICATED", await MeAsync(replay));
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.PostAsync(Negotiate, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await OpenHubWithCookieAsync(server, cookie));
        // A new sign-in on the same clock is taken at once.
        var (_, again) = await BrowserAsync(server, ana.Email);
        using var fresh = server.WithCookie(again);
        Assert.Equal(ana.UserId, await MeAsync(fresh));
    }
}
