using System.Text.RegularExpressions;
using Kanban.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>
/// The home page's board list offline: a board created, one renamed and one deleted wait in the
/// outbox like every other change, stay as made across a reload, and reach the server once each.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardListSyncTests(Browser browser, SqliteServer fixture) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    private static ILocator Waiting(IPage page) => page.Locator(".sync-waiting[role='status']");

    private static ILocator BoardLink(IPage page, string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static ILocator Tile(IPage page, string name) => page.Locator(".board-tile", new() { Has = BoardLink(page, name) });

    /// <summary>The list as made offline: Garden new, Alpha now Apex, Beta gone; the two not on the server yet say so.</summary>
    private static async Task ExpectTheListAsMadeAsync(IPage page)
    {
        await Expect(page.Locator(".board-tile-name")).ToHaveTextAsync(["Apex", "Garden"]);
        await Expect(Tile(page, "Garden")).ToContainTextAsync("Waiting to sync");
        await Expect(Tile(page, "Apex")).ToContainTextAsync("Waiting to sync");
    }

    [Fact]
    public async Task ABoardCreatedRenamedAndDeletedOfflineStaysAsMadeAcrossAReloadAndReachesTheServerOnceWhenTheNetworkIsBack()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var anaId = await ana.UserIdAsync();
        foreach (var name in new[] { "Alpha", "Beta" })
            await ana.GraphQLAsync("mutation($n: String!) { createBoard(input: { name: $n }) { id } }", new { n = name });
        var page = ana.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator(".board-tile-name")).ToHaveTextAsync(["Alpha", "Beta"]);
        // The app's files and the list are kept on the device, so that a reload opens them offline.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await page.WaitUntilListKeptAsync(anaId, "Beta");

        await page.Context.SetOfflineAsync(true);
        // A new board opens at once, and takes a column before the server has the board.
        await page.GetByLabel("New board name").FillAsync("Garden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create board" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/boards/[0-9a-f-]{36}$"));
        var garden = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await page.AddColumnAsync("Ideas");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kanban: all boards" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Rename board Alpha" }).ClickAsync();
        await page.GetByLabel("Board name", new() { Exact = true }).FillAsync("Apex");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete board Beta" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete board", Exact = true }).ClickAsync();
        await ExpectTheListAsMadeAsync(page);
        await Expect(Waiting(page)).ToHaveTextAsync("4 changes waiting");
        Assert.Equal(["Alpha", "Beta"], await ServerBoardNamesAsync(ana)); // nothing reached the server

        // A reload while still offline: the list as made, and the new board with its column.
        await page.WaitForFunctionAsync(LocalData.StoredOutboxCount, 4);
        await page.ReloadAsync();
        await ExpectTheListAsMadeAsync(page);
        await Expect(Waiting(page)).ToHaveTextAsync("4 changes waiting");
        await BoardLink(page, "Garden").ClickAsync();
        await Expect(page.Locator("section.column h2")).ToHaveTextAsync(["Ideas"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kanban: all boards" }).ClickAsync();

        await page.Context.SetOfflineAsync(false);
        await Expect(Waiting(page)).ToHaveTextAsync("", new() { Timeout = 20_000 });
        await Expect(page.Locator(".board-tile-name")).ToHaveTextAsync(["Apex", "Garden"]);
        await Expect(page.Locator(".board-tile-waiting")).ToHaveCountAsync(0);

        // The server has all three, the new board once, with the ID the browser chose and its column.
        var boards = await ServerBoardsAsync(ana);
        Assert.Equal(["Apex", "Garden"], boards.Select(b => b.Name).Order());
        Assert.Equal(garden, boards.Single(b => b.Name == "Garden").Id);
        var columns = (await ana.BoardAsync(garden)).GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["Ideas"], columns);
    }

    private static async Task<(string Id, string Name)[]> ServerBoardsAsync(Person person) =>
        [.. (await person.GraphQLAsync("{ boards { id name } }")).GetProperty("boards").EnumerateArray()
            .Select(b => (b.GetProperty("id").GetString()!, b.GetProperty("name").GetString()!))];

    private static async Task<string[]> ServerBoardNamesAsync(Person person) =>
        [.. (await ServerBoardsAsync(person)).Select(b => b.Name).Order()];
}
