using System.Net;
using System.Net.Sockets;
using Kanban.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>
/// Boards kept on this device: a signed-in app opens without a network with the list and the boards
/// seen before, then catches up from the kept seq; signing out leaves nothing of the user behind.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LocalBoardsTests(Browser browser, SqliteServer fixture) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private const string OfflineBanner = "You’re offline";
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task WithoutANetworkTheListAndABoardSeenBeforeOpenAsTheyWereAndCatchUpFromTheirSeqWhenTheNetworkIsBack()
    {
        var ben = await _server.SignUpAsync("ben");
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var anaId = await ana.UserIdAsync();
        var board = await ben.CreateBoardAsync("Launch");
        var column = await ben.CreateColumnAsync(board, "To do");
        await ben.CreateTaskAsync(column, "Before");
        await AddAsync(ben, board, ana);
        var unopened = await ben.CreateBoardAsync("Roadmap");
        await AddAsync(ben, unopened, ana);

        var page = ana.Page;
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Roadmap" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await page.WaitUntilListKeptAsync(anaId, "Roadmap");
        var onlineBoardQueries = page.CountBoardQueries();
        await page.GetByRole(AriaRole.Link, new() { Name = "Launch" }).ClickAsync();
        await Expect(page.CardTitles("To do")).ToHaveTextAsync(["Before"]);
        Assert.Equal(1, onlineBoardQueries()); // online, a board is loaded whole: the counter sees it
        await page.WaitUntilKeptAsync(anaId, board, await SeqAsync(ben, board));

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        var boardQueries = page.CountBoardQueries();
        await Expect(page.CardTitles("To do")).ToHaveTextAsync(["Before"]);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = OfflineBanner })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToHaveCountAsync(0);

        // The list as last seen; a board never opened here says so.
        await page.GetByRole(AriaRole.Link, new() { Name = "Kanban: all boards" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Launch" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Roadmap" }).ClickAsync();
        await Expect(page.GetByText("This board hasn’t been opened on this device yet; it will load when you’re back online.")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Launch" }).ClickAsync();
        await Expect(page.CardTitles("To do")).ToHaveTextAsync(["Before"]);

        // Meanwhile Ben goes on working.
        await ben.CreateTaskAsync(column, "While away 1");
        await ben.CreateTaskAsync(column, "While away 2");

        await page.Context.SetOfflineAsync(false);
        await Expect(page.CardTitles("To do")).ToHaveTextAsync(["Before", "While away 1", "While away 2"], new() { Timeout = 20_000 });
        await Expect(page.GetByText(OfflineBanner)).ToHaveCountAsync(0);
        Assert.Equal(0, boardQueries()); // caught up from the kept seq, not loaded whole

        // Live again, and the board is kept at its new seq.
        await ben.CreateTaskAsync(column, "After");
        await Expect(page.CardTitles("To do")).ToHaveTextAsync(["Before", "While away 1", "While away 2", "After"]);
        await page.WaitUntilKeptAsync(anaId, board, await SeqAsync(ben, board));
    }

    [Fact]
    public async Task WithTheServerStoppedABoardSeenBeforeOpensAsItWasAndCatchesUpFromItsSeqWhenTheServerIsBack()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var port = FreePort();
        var server = new KanbanServer(database, port: port);
        try
        {
            var ben = await server.SignUpAsync("ben");
            var ana = await Person.SignUpAsync(Browser, server, "Ana");
            var anaId = await ana.UserIdAsync();
            var board = await ben.CreateBoardAsync("Launch");
            var column = await ben.CreateColumnAsync(board, "To do");
            await ben.CreateTaskAsync(column, "Before");
            await AddAsync(ben, board, ana);

            var page = ana.Page;
            await page.OpenAsync(board);
            await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
            await Expect(page.CardTitles("To do")).ToHaveTextAsync(["Before"]);
            await page.WaitUntilKeptAsync(anaId, board, await SeqAsync(ben, board));

            // Ana leaves; Ben goes on; then the server goes down.
            await page.GotoAsync("about:blank");
            await ben.CreateTaskAsync(column, "While away 1");
            await ben.CreateTaskAsync(column, "While away 2");
            await server.DisposeAsync();

            var boardQueries = page.CountBoardQueries();
            await page.GotoAsync($"/boards/{board}");
            await Expect(page.CardTitles("To do")).ToHaveTextAsync(["Before"]);
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = OfflineBanner })).ToBeVisibleAsync();

            server = new KanbanServer(database, port: port); // same address, same data, same signing keys
            await Expect(page.CardTitles("To do")).ToHaveTextAsync(["Before", "While away 1", "While away 2"], new() { Timeout = 20_000 });
            await Expect(page.GetByText(OfflineBanner)).ToHaveCountAsync(0);
            Assert.Equal(0, boardQueries());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task SigningOutLeavesNothingOfTheUserInThisBrowser()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var anaId = await ana.UserIdAsync();
        var board = (await ana.GraphQLAsync("mutation { createBoard(input: { name: \"Launch\" }) { id } }")).GetProperty("createBoard").GetProperty("id").GetString()!;
        var page = ana.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Launch" }).ClickAsync();
        await page.WaitUntilKeptAsync(anaId, board, (await ana.BoardAsync(board)).GetProperty("seq").GetInt64());
        Assert.Contains(LocalData.DatabaseName(anaId), await page.DatabaseNamesAsync());
        Assert.Equal(anaId, await page.EvaluateAsync<string?>("() => localStorage.getItem('kanban:lastUser')"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Eventually.HoldsAsync(async () => Assert.DoesNotContain(LocalData.DatabaseName(anaId), await page.DatabaseNamesAsync()));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('kanban:lastUser')"));

        // And offline the app (kept by the service worker once it controls the page) has nobody to open.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Can’t reach the server" })).ToBeVisibleAsync();
        Assert.DoesNotContain(LocalData.DatabaseName(anaId), await page.DatabaseNamesAsync());
    }

    private static Task AddAsync(Api owner, string boardId, Person member) =>
        owner.DataAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = boardId, e = member.Email });

    private static async Task<long> SeqAsync(Api api, string boardId) => (await api.BoardAsync(boardId)).GetProperty("seq").GetInt64();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
