using Kanban.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>Without a network: the app's service worker still opens the app, and it recovers by itself.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineTests(Browser browser, SqliteServer fixture) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task AReloadWithoutANetworkOpensTheBoardListAsLastSeenAndGoesOnlineWhenTheNetworkIsBack()
    {
        var page = await SignedInWithABoardAsync();

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Launch" })).ToBeVisibleAsync();
        var banner = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "You’re offline" });
        await Expect(banner).ToContainTextAsync("as this device last saw them");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToHaveCountAsync(0); // still signed in

        await page.Context.SetOfflineAsync(false);
        await Expect(banner).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Launch" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AReloadWithoutANetworkOnABrowserThatKeptNobodySaysItCannotReachTheServerAndLoadsTheBoardsWhenTheNetworkIsBack()
    {
        var page = await SignedInWithABoardAsync();
        await page.EvaluateAsync("() => localStorage.clear()"); // who was here last: nobody known

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Can’t reach the server" });
        await Expect(alert).ToContainTextAsync("you may be offline");
        await Expect(alert).ToContainTextAsync("Your boards will open as soon as the connection is back");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToHaveCountAsync(0); // not sent to sign in

        await page.Context.SetOfflineAsync(false);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Launch" })).ToBeVisibleAsync();
        await Expect(alert).ToHaveCountAsync(0);
    }

    /// <summary>Ana's page on her board list, once the service worker keeps the app.</summary>
    private async Task<IPage> SignedInWithABoardAsync()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        await ana.GraphQLAsync("mutation { createBoard(input: { name: \"Launch\" }) { id } }");
        var page = ana.Page;
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Launch" })).ToBeVisibleAsync();
        // The service worker has kept the app's files once it controls the page.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await page.WaitUntilListKeptAsync(await ana.UserIdAsync(), "Launch");
        return page;
    }

    [Fact]
    public async Task TheServiceWorkerIsRevalidatedOnEveryLoadAndNeverAnswersTheApi()
    {
        using var http = _server.NewHttpClient();
        using var sw = await http.GetAsync("/sw.js");
        Assert.True(sw.IsSuccessStatusCode, $"/sw.js answered {(int)sw.StatusCode}");
        Assert.Equal("no-cache", sw.Headers.CacheControl?.ToString());
        var script = await sw.Content.ReadAsStringAsync();
        Assert.Contains("graphql|auth|hubs", script); // the navigation fallback's deny list

        using var manifest = await http.GetAsync("/manifest.webmanifest");
        Assert.True(manifest.IsSuccessStatusCode, $"/manifest.webmanifest answered {(int)manifest.StatusCode}");
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
    }
}
