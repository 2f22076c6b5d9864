using System.Net;
using System.Net.Http.Json;
using Kanban.Client;
using Kanban.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Tests.Realtime;

/// <summary>Each way of reaching the hub joins a board and receives its events.</summary>
public sealed class TransportTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.ServerSentEvents)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task EachTransportJoinsAndReceivesEvents(HttpTransportType transport)
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        await using var connection = await _server.ConnectAsync(ana, transport);
        await connection.JoinAsync(board, null);
        await ana.CreateColumnAsync(board, "Todo");
        var e = await connection.NextAsync(x => x.Str("type") == "column:created", Live.Timeout);
        Assert.Equal(1, e.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task MessagePackClientsReceiveTheSameShape()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var received = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_server.Address, "/hubs/board"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(ana.Token()))
            .AddMessagePackProtocol()
            .Build();
        hub.On<Dictionary<object, object?>>("column:created", e => received.TrySetResult(e));
        await hub.StartAsync();
        var answer = await hub.InvokeAsync<Dictionary<object, object?>>("JoinBoard", board, null);
        Assert.Equal(0L, Convert.ToInt64(answer["seq"]));
        Assert.Equal("Board", ((Dictionary<object, object?>)answer["snapshot"]!)["name"]);
        Assert.Empty((object[])answer["events"]!);
        var me = (Dictionary<object, object?>)((object[])answer["presence"]!).Single()!;
        Assert.Equal(ana.UserId, ((Dictionary<object, object?>)me["user"]!)["id"]);

        await ana.CreateColumnAsync(board, "Todo");
        var e = (Dictionary<object, object?>)await received.Task.WaitAsync(Live.Timeout);
        Assert.Equal("column:created", e["type"]);
        Assert.Equal(1L, Convert.ToInt64(e["seq"]));
        Assert.Equal("Todo", ((Dictionary<object, object?>)e["column"]!)["name"]);
    }

    [Fact]
    public async Task TheBrowserCookieOpensTheHubAndNothingElseDoes()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var cookies = new CookieContainer();
        using var browser = _server.NewHttpClient(new SocketsHttpHandler { CookieContainer = cookies });
        (await browser.PostAsJsonAsync("/auth/login?useCookies=true", new { email = ana.Email, password = Accounts.Password })).EnsureSuccessStatusCode();

        await using var viaCookie = new HubConnectionBuilder()
            .WithUrl(new Uri(_server.Address, "/hubs/board"), o => o.Cookies = cookies)
            .Build();
        await viaCookie.StartAsync();
        var answer = await viaCookie.InvokeAsync<System.Text.Json.JsonElement>("JoinBoard", board, null);
        Assert.Equal(board, answer.GetProperty("snapshot").Str("id"));

        await using var anonymous = new HubConnectionBuilder().WithUrl(new Uri(_server.Address, "/hubs/board")).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
