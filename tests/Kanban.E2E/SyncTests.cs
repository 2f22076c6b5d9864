using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Kanban.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>
/// Changes made without a connection wait in the browser's outbox, show as waiting, and reach
/// the server once each, in the order they were made, when the connection is back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SyncTests(Browser browser, SqliteServer fixture, ITestOutputHelper output) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    private static ILocator Waiting(IPage page) => page.Locator(".sync-waiting[role='status']");

    private static Task<(Person ana, Person ben, string board)> TwoPeopleOnABoardAsync(Browser browser, KanbanServer server, params string[] tasks) =>
        TwoPeopleOnABoardAsync(browser, server, 1280, 800, tasks);

    /// <summary>Ana (at the given screen size) and Ben, editors of one board with "To do" and "Done", each with the board open.</summary>
    private static async Task<(Person ana, Person ben, string board)> TwoPeopleOnABoardAsync(Browser browser, KanbanServer server, int width, int height, params string[] tasks)
    {
        var ana = await Person.SignUpAsync(browser, server, "Ana", width, height);
        var ben = await Person.SignUpAsync(browser, server, "Ben");
        var board = (await ana.GraphQLAsync("mutation { createBoard(input: { name: \"Launch\" }) { id } }")).GetProperty("createBoard").GetProperty("id").GetString()!;
        string? toDo = null;
        foreach (var column in new[] { "To do", "Done" })
        {
            var id = (await ana.GraphQLAsync("mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }", new { b = board, n = column }))
                .GetProperty("createColumn").GetProperty("id").GetString()!;
            toDo ??= id;
        }
        foreach (var title in tasks)
            await ana.GraphQLAsync("mutation($c: ID!, $t: String!) { createTask(input: { columnId: $c, title: $t }) { id } }", new { c = toDo, t = title });
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = board, e = ben.Email });
        await ana.Page.OpenAsync(board);
        await ben.Page.OpenAsync(board);
        return (ana, ben, board);
    }

    /// <summary>Thirteen more tasks, "Note 1" to "Note 13", made after the seven changes.</summary>
    private static readonly string[] Notes = [.. Enumerable.Range(1, 13).Select(n => $"Note {n}")];

    /// <summary>Create, edit, move and delete tasks and create a column (seven changes), then thirteen more tasks: twenty changes.</summary>
    private static async Task MakeTwentyChangesAsync(IPage page)
    {
        await page.AddTaskAsync("To do", "One");
        await page.AddTaskAsync("To do", "Two");
        await page.AddTaskAsync("To do", "Three");
        var card = page.Card("To do", "Existing");
        await card.HoverAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Edit title: Existing" }).ClickAsync();
        await page.GetByLabel("Task title").FillAsync("Existing, edited");
        await page.Keyboard.PressAsync("Enter");
        await page.DragAsync(page.Card("To do", "One").Locator(".card-title"), page.Column("Done").Locator(".column-tasks"));
        var two = page.Card("To do", "Two");
        await two.HoverAsync();
        await two.GetByRole(AriaRole.Button, new() { Name = "Delete task: Two" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete task", Exact = true }).ClickAsync();
        await page.AddColumnAsync("Review");
        foreach (var note in Notes)
            await page.AddTaskAsync("Review", note);
    }

    private static async Task ExpectTheTwentyChangesAsync(IPage page)
    {
        await Expect(page.CardTitles("To do")).ToHaveTextAsync(["Existing, edited", "Three"], new() { Timeout = 20_000 });
        await Expect(page.CardTitles("Review")).ToHaveTextAsync(Notes);
        await Expect(page.CardTitles("Done")).ToHaveTextAsync(["One"]);
        await Expect(page.Locator("section.column h2")).ToHaveTextAsync(["To do", "Done", "Review"]);
    }

    /// <summary>The board's log: each change exactly once, in the order it was made.</summary>
    private static async Task ExpectTheLogInOrderAsync(Person person, string board, int afterSeq)
    {
        var page = (await person.GraphQLAsync(
            "query($b: ID!, $a: Long!) { boardEvents(boardId: $b, afterSeq: $a, first: 100) { events { type payload } } }", new { b = board, a = afterSeq }))
            .GetProperty("boardEvents").GetProperty("events");
        var types = page.EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray();
        Assert.Equal(["task:created", "task:created", "task:created", "task:updated", "task:moved", "task:deleted", "column:created",
                      .. Notes.Select(_ => "task:created")], types);
        Assert.Equal(Notes, page.EnumerateArray().Skip(7).Select(e => e.GetProperty("payload").GetProperty("task").GetProperty("title").GetString()!));
        var created = page.EnumerateArray().Take(3).Select(e => e.GetProperty("payload").GetProperty("task").GetProperty("title").GetString()!).ToArray();
        Assert.Equal(["One", "Two", "Three"], created);
    }

    private static async Task<int> SeqAsync(Person person, string board) =>
        (await person.GraphQLAsync("query($b: ID!) { board(id: $b) { seq } }", new { b = board })).GetProperty("board").GetProperty("seq").GetInt32();

    [Fact]
    public async Task ChangesMadeOfflineWaitThenReachTheServerInOrderOnceEachWhenTheNetworkIsBack()
    {
        var (ana, ben, board) = await TwoPeopleOnABoardAsync(Browser, _server, "Existing");
        var before = await SeqAsync(ana, board);
        // The app's files and the board are kept on the device, so that a reload opens them offline.
        await ana.Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await ana.Page.WaitUntilKeptAsync(await ana.UserIdAsync(), board, before);

        await ana.Page.Context.SetOfflineAsync(true);
        await MakeTwentyChangesAsync(ana.Page);
        await ExpectTheTwentyChangesAsync(ana.Page); // shown as made
        await Expect(Waiting(ana.Page)).ToHaveTextAsync("20 changes waiting");
        await Expect(Waiting(ana.Page)).ToHaveAttributeAsync("aria-live", "polite");
        Assert.Equal(before, await SeqAsync(ben, board)); // nothing reached the server
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Existing"]);

        // A reload while still offline: the board and the waiting changes are there.
        await ana.Page.WaitForFunctionAsync(LocalData.StoredOutboxCount, 20);
        await ana.Page.ReloadAsync();
        await ExpectTheTwentyChangesAsync(ana.Page);
        await Expect(Waiting(ana.Page)).ToHaveTextAsync("20 changes waiting");

        await ana.Page.Context.SetOfflineAsync(false);
        await Expect(Waiting(ana.Page)).ToHaveTextAsync("", new() { Timeout = 20_000 });
        await ExpectTheTwentyChangesAsync(ben.Page);
        await ExpectTheTwentyChangesAsync(ana.Page);
        await ExpectTheLogInOrderAsync(ben, board, before);
    }

    [Fact]
    public async Task ChangesMadeWhileTheServerIsDownReachItInOrderOnceEachWhenItIsBack()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var port = FreePort();
        var server = new KanbanServer(database, port: port);
        try
        {
            var (ana, ben, board) = await TwoPeopleOnABoardAsync(Browser, server, "Existing");
            var before = await SeqAsync(ana, board);
            await ana.Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
            await ana.Page.WaitUntilKeptAsync(await ana.UserIdAsync(), board, before);

            await server.DisposeAsync();
            await MakeTwentyChangesAsync(ana.Page);
            await ExpectTheTwentyChangesAsync(ana.Page);
            await Expect(Waiting(ana.Page)).ToHaveTextAsync("20 changes waiting");

            // A reload while the server is still down: the board and the waiting changes are there.
            await ana.Page.WaitForFunctionAsync(LocalData.StoredOutboxCount, 20);
            await ana.Page.ReloadAsync();
            await ExpectTheTwentyChangesAsync(ana.Page);
            await Expect(Waiting(ana.Page)).ToHaveTextAsync("20 changes waiting");

            server = new KanbanServer(database, port: port); // same address, same data, same signing keys
            await Expect(Waiting(ana.Page)).ToHaveTextAsync("", new() { Timeout = 30_000 });
            await ExpectTheTwentyChangesAsync(ben.Page);
            await ExpectTheLogInOrderAsync(ben, board, before);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ChangesWaitingWhenTheTabClosedAreSentWhenTheBoardIsOpenedAgain()
    {
        var (ana, ben, board) = await TwoPeopleOnABoardAsync(Browser, _server, "Existing");
        var context = ana.Page.Context;
        await context.SetOfflineAsync(true);
        await ana.Page.AddTaskAsync("To do", "Written on the train");
        await ana.Page.AddTaskAsync("To do", "And this one");
        await Expect(Waiting(ana.Page)).ToHaveTextAsync("2 changes waiting");
        await ana.Page.WaitForFunctionAsync(LocalData.StoredOutboxCount, 2);
        await ana.Page.CloseAsync();

        await context.SetOfflineAsync(false);
        var again = await context.NewPageAsync();
        await again.OpenAsync(board);
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Existing", "Written on the train", "And this one"], new() { Timeout = 20_000 });
        await Expect(again.CardTitles("To do")).ToHaveTextAsync(["Existing", "Written on the train", "And this one"]);
        await Expect(Waiting(again)).ToHaveTextAsync("");
    }

    [Fact]
    public async Task AConflictMadeOfflineOffersBothAndKeepMineWinsOnBothPages()
    {
        var (ana, ben, board) = await TwoPeopleOnABoardAsync(Browser, _server, "Pricing");
        var taskId = (await ana.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("id").GetString();

        await ana.Page.Context.SetOfflineAsync(true);
        var card = ana.Page.Card("To do", "Pricing");
        await card.HoverAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Edit title: Pricing" }).ClickAsync();
        await ana.Page.GetByLabel("Task title").FillAsync("Pricing: three tiers");
        await ana.Page.Keyboard.PressAsync("Enter");
        await Expect(Waiting(ana.Page)).ToHaveTextAsync("1 change waiting");
        await ben.GraphQLAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { version } }", new { i = new { id = taskId, title = "Pricing: one price" } });
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Pricing: one price"]);

        await ana.Page.Context.SetOfflineAsync(false);
        var refused = ana.Page.GetByRole(AriaRole.Button, new() { Name = "Couldn’t sync (1)" });
        await refused.ClickAsync(new() { Timeout = 20_000 });
        var dialog = ana.Page.GetByRole(AriaRole.Dialog, new() { Name = "Couldn’t sync" });
        await Expect(dialog.Locator(".conflict-side", new() { HasText = "Theirs" })).ToContainTextAsync("Pricing: one price");
        await Expect(dialog.Locator(".conflict-side", new() { HasText = "Yours" })).ToContainTextAsync("Pricing: three tiers");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Take theirs" })).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Discard" })).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep mine" }).ClickAsync();

        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Pricing: three tiers"]);
        await Expect(ana.Page.CardTitles("To do")).ToHaveTextAsync(["Pricing: three tiers"]);
        await Expect(dialog.GetByText("Every change is synced.")).ToBeVisibleAsync();
        var task = (await ben.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks")[0];
        Assert.Equal("Pricing: three tiers", task.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AtPhoneWidthTheWaitingCountAndCouldntSyncFitTheScreen()
    {
        const int width = 390, height = 844;
        var (ana, ben, board) = await TwoPeopleOnABoardAsync(Browser, _server, width, height, "Pricing");
        var taskId = (await ana.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("id").GetString();
        var page = ana.Page;

        await page.Context.SetOfflineAsync(true);
        var card = page.Card("To do", "Pricing");
        await card.HoverAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Edit title: Pricing" }).ClickAsync();
        await page.GetByLabel("Task title").FillAsync("Pricing: three tiers");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Waiting(page)).ToHaveTextAsync("1 change waiting");
        await AssertFitsAsync(page, Waiting(page), width, height, "the waiting count");

        await ben.GraphQLAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { version } }", new { i = new { id = taskId, title = "Pricing: one price" } });
        await page.Context.SetOfflineAsync(false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Couldn’t sync (1)" }).ClickAsync(new() { Timeout = 20_000 });
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Couldn’t sync" });
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Keep mine" })).ToBeVisibleAsync();
        await AssertFitsAsync(page, dialog, width, height, "Couldn’t sync");
        await page.SaveScreenshotAsync("couldnt-sync-phone.png", output);
    }

    /// <summary>The document is never wider than the screen, and <paramref name="part"/> is within it.</summary>
    private static async Task AssertFitsAsync(IPage page, ILocator part, int width, int height, string what)
    {
        var sizes = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(sizes[0].GetInt32() <= sizes[1].GetInt32(), $"the page with {what} is {sizes[0]} px wide on a {sizes[1]} px screen");
        var box = (await part.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width + 0.5 && box.Y + box.Height <= height + 0.5,
            $"{what} is at {box.X},{box.Y} sized {box.Width}×{box.Height}, outside the {width}×{height} screen");
    }

    [Fact]
    public async Task TwoTabsOfOnePersonOfflineEachChangeReachesTheServerExactlyOnce()
    {
        var (ana, ben, board) = await TwoPeopleOnABoardAsync(Browser, _server);
        var first = ana.Page;
        var second = await first.Context.NewPageAsync();
        await second.OpenAsync(board);

        await first.Context.SetOfflineAsync(true);
        await first.AddTaskAsync("To do", "From the first tab");
        await second.AddTaskAsync("To do", "From the second tab");
        await first.AddTaskAsync("To do", "From the first tab again");
        // Each tab shows the other's waiting change too.
        await Expect(first.CardTitles("To do")).ToHaveTextAsync(["From the first tab", "From the second tab", "From the first tab again"]);
        await Expect(second.CardTitles("To do")).ToHaveTextAsync(["From the first tab", "From the second tab", "From the first tab again"]);
        await Expect(Waiting(second)).ToHaveTextAsync("3 changes waiting");

        await first.Context.SetOfflineAsync(false);
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["From the first tab", "From the second tab", "From the first tab again"], new() { Timeout = 20_000 });
        await Expect(Waiting(first)).ToHaveTextAsync("");
        await Expect(Waiting(second)).ToHaveTextAsync("");
        var tasks = (await ben.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks");
        Assert.Equal(3, tasks.GetArrayLength());
    }

    [Fact]
    public async Task SigningOutWithChangesNotYetSentAsksFirst()
    {
        var (ana, _, board) = await TwoPeopleOnABoardAsync(Browser, _server, "Existing");
        var page = ana.Page;
        await page.Context.SetOfflineAsync(true);
        await page.AddTaskAsync("To do", "Not sent yet");
        await Expect(Waiting(page)).ToHaveTextAsync("1 change waiting");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByText("1 change hasn’t reached the server yet. Signing out deletes them from this device.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.CardTitles("To do")).ToHaveTextAsync(["Existing", "Not sent yet"]); // still signed in, still waiting

        await page.Context.SetOfflineAsync(false);
        await Expect(Waiting(page)).ToHaveTextAsync("", new() { Timeout = 20_000 });
        var tasks = (await ana.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks");
        Assert.Equal(2, tasks.GetArrayLength());
    }

    /// <summary>Not asserted: how long 100 queued changes take to be confirmed once the network is back.</summary>
    [Fact]
    public async Task MeasureTheTimeToConfirmOneHundredQueuedChanges()
    {
        var (ana, ben, board) = await TwoPeopleOnABoardAsync(Browser, _server);
        var page = ana.Page;
        await page.Context.SetOfflineAsync(true);
        await page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Add task", Exact = true }).ClickAsync();
        var field = page.GetByPlaceholder("Add a task…");
        for (var i = 1; i <= 100; i++)
        {
            await field.FillAsync($"Queued {i}");
            await field.PressAsync("Enter");
        }
        await field.PressAsync("Escape");
        await Expect(Waiting(page)).ToHaveTextAsync("100 changes waiting");

        var clock = Stopwatch.StartNew();
        await page.Context.SetOfflineAsync(false);
        await Expect(Waiting(page)).ToHaveTextAsync("", new() { Timeout = 60_000 });
        var confirmed = clock.Elapsed;
        output.WriteLine($"100 queued changes confirmed {confirmed.TotalMilliseconds:F0} ms after the network returned");
        var tasks = (await ben.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks");
        Assert.Equal(100, tasks.GetArrayLength());
        // The other page has them all too (a long column shows its first cards; its count says how many).
        await Expect(ben.Page.CardTitles("To do").First).ToHaveTextAsync("Queued 1");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
