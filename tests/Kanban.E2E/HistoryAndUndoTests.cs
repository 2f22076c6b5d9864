using System.Text.Json;
using Kanban.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>
/// History, trash and undo in two browsers: what one person undoes or restores, the other sees
/// go and come back; an undo of something changed since is refused naming who; the activity
/// panel is live; the panels fit a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HistoryAndUndoTests(Browser browser, SqliteServer fixture, ITestOutputHelper output) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    /// <summary>Ana owns a board with "To do" (tasks "Fix login", "Pricing") and "Doing" ("Write copy", "Test it"); Ben is an EDITOR.</summary>
    private async Task<(Person ana, Person ben, string board)> TwoPeopleOnABoardAsync(int width = 1280, int height = 800, bool touch = false)
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana", width, height, touch);
        var ben = await Person.SignUpAsync(Browser, _server, "Ben");
        var board = (await ana.GraphQLAsync("mutation { createBoard(input: { name: \"Launch\" }) { id } }")).GetProperty("createBoard").GetProperty("id").GetString()!;
        foreach (var (column, titles) in new[] { ("To do", new[] { "Fix login", "Pricing" }), ("Doing", new[] { "Write copy", "Test it" }) })
        {
            var id = (await ana.GraphQLAsync("mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }", new { b = board, n = column }))
                .GetProperty("createColumn").GetProperty("id").GetString();
            foreach (var title in titles)
                await ana.GraphQLAsync("mutation($c: ID!, $t: String!) { createTask(input: { columnId: $c, title: $t }) { id } }", new { c = id, t = title });
        }
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = board, e = ben.Email });
        await ana.Page.OpenAsync(board);
        await ben.Page.OpenAsync(board);
        return (ana, ben, board);
    }

    private static ILocator Toast(IPage page, string text) => page.Locator(".toast", new() { HasText = text });

    private static ILocator UndoButton(IPage page) => page.GetByRole(AriaRole.Group, new() { Name = "Undo and redo" }).GetByRole(AriaRole.Button, new() { Name = "Undo", Exact = true });

    private static async Task RenameByCardAsync(IPage page, string column, string from, string to)
    {
        var card = page.Card(column, from);
        await card.HoverAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = $"Edit title: {from}" }).ClickAsync();
        await page.GetByLabel("Task title").FillAsync(to);
        await page.Keyboard.PressAsync("Enter");
    }

    [Fact]
    public async Task UndoInTheDeleteToastBringsTheTaskBackForEveryone()
    {
        var (ana, ben, _) = await TwoPeopleOnABoardAsync();

        var card = ana.Page.Card("To do", "Pricing");
        await card.HoverAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Delete task: Pricing" }).ClickAsync();
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Delete task", Exact = true }).ClickAsync();
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Fix login"]);

        await Toast(ana.Page, "Task “Pricing” deleted.").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Fix login", "Pricing"]); // at its old place
        await Expect(ana.Page.CardTitles("To do")).ToHaveTextAsync(["Fix login", "Pricing"]);
        await Expect(Toast(ana.Page, "Undone: delete “Pricing”.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CtrlZAfterARenameShowsTheOtherPersonTheOldTitleAndCtrlShiftZTheNewOne()
    {
        var (ana, ben, _) = await TwoPeopleOnABoardAsync();

        await RenameByCardAsync(ana.Page, "To do", "Fix login", "Fix sign-in");
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Fix sign-in", "Pricing"]);
        await Expect(UndoButton(ana.Page)).ToHaveAttributeAsync("title", "Undo: rename “Fix login” (Ctrl+Z)");

        await ana.Page.Keyboard.PressAsync("Control+z");
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Fix login", "Pricing"]);
        await Expect(Toast(ana.Page, "Undone: rename “Fix login”.")).ToBeVisibleAsync();

        await ana.Page.Keyboard.PressAsync("Control+Shift+z");
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Fix sign-in", "Pricing"]);
    }

    [Fact]
    public async Task AnUndoOfATitleSomeoneChangedSinceIsRefusedNamingThem()
    {
        var (ana, ben, board) = await TwoPeopleOnABoardAsync();

        await RenameByCardAsync(ana.Page, "To do", "Fix login", "Fix sign-in");
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Fix sign-in", "Pricing"]);
        await RenameByCardAsync(ben.Page, "To do", "Fix sign-in", "Fix the auth flow");
        await Expect(ana.Page.CardTitles("To do")).ToHaveTextAsync(["Fix the auth flow", "Pricing"]);

        await ana.Page.Keyboard.PressAsync("Control+z");
        await Expect(Toast(ana.Page, "Couldn’t undo: Ben changed the title of “Fix sign-in” since.")).ToBeVisibleAsync();
        await Expect(UndoButton(ana.Page)).ToBeDisabledAsync(); // refused: it left the stack
        var titles = (await ana.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString());
        Assert.Equal(["Fix the auth flow", "Pricing"], titles);
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Fix the auth flow", "Pricing"]);
    }

    [Fact]
    public async Task TheTrashRestoresADeletedColumnWithItsTasks()
    {
        var (ana, ben, _) = await TwoPeopleOnABoardAsync();
        var headings = ben.Page.Locator("section.column h2");

        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Delete column: Doing" }).ClickAsync();
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Delete column", Exact = true }).ClickAsync();
        await Expect(headings).ToHaveTextAsync(["To do"]);

        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Trash", Exact = true }).ClickAsync();
        var trash = ana.Page.GetByRole(AriaRole.Dialog, new() { Name = "Trash" });
        var item = trash.GetByRole(AriaRole.Listitem, new() { Name = "Column Doing" });
        await Expect(item).ToContainTextAsync("Deleted by you");
        await Expect(item).ToContainTextAsync("with its 2 tasks");
        await ana.Page.SaveScreenshotAsync("trash.png", output);
        await item.GetByRole(AriaRole.Button, new() { Name = "Restore Doing" }).ClickAsync();

        await Expect(trash.GetByText("The trash is empty.")).ToBeVisibleAsync();
        await Expect(headings).ToHaveTextAsync(["To do", "Doing"]);
        await Expect(ben.Page.CardTitles("Doing")).ToHaveTextAsync(["Write copy", "Test it"]);
        await ana.Page.Keyboard.PressAsync("Escape");
        await Expect(trash).ToHaveCountAsync(0);
        await Expect(ana.Page.CardTitles("Doing")).ToHaveTextAsync(["Write copy", "Test it"]);
    }

    [Fact]
    public async Task AViewerSeesTheTrashWithoutRestoreButtons()
    {
        var (ana, _, board) = await TwoPeopleOnABoardAsync();
        var vic = await Person.SignUpAsync(Browser, _server, "Vic");
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: VIEWER) { role } }", new { b = board, e = vic.Email });
        var task = (await ana.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks")[1].GetProperty("id").GetString();
        await ana.GraphQLAsync("mutation($id: ID!) { deleteTask(id: $id) { success } }", new { id = task });

        await vic.Page.OpenAsync(board);
        await vic.Page.GetByRole(AriaRole.Button, new() { Name = "Trash", Exact = true }).ClickAsync();
        var item = vic.Page.GetByRole(AriaRole.Dialog, new() { Name = "Trash" }).GetByRole(AriaRole.Listitem, new() { Name = "Task Pricing" });
        await Expect(item).ToContainTextAsync("Deleted by Ana");
        await Expect(item.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(vic.Page.GetByRole(AriaRole.Group, new() { Name = "Undo and redo" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheActivityPanelShowsAnotherPersonsChangesLiveAndOpensTheirTask()
    {
        var (ana, ben, _) = await TwoPeopleOnABoardAsync();

        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Activity", Exact = true }).ClickAsync();
        var panel = ana.Page.GetByRole(AriaRole.Dialog, new() { Name = "Activity" });
        var entries = panel.GetByRole(AriaRole.List, new() { Name = "Changes on this board" }).Locator(".activity-summary");
        await Expect(entries.First).ToContainTextAsync("Ana"); // the setup's changes, newest first
        await Expect(panel.GetByText("This is where the board’s history begins.")).ToBeVisibleAsync();

        await ben.Page.AddTaskAsync("Doing", "Order badges");
        await Expect(entries.First).ToContainTextAsync("Ben");
        await Expect(entries.First).ToContainTextAsync("Order badges");
        await ana.Page.SaveScreenshotAsync("activity.png", output);

        await entries.First.ClickAsync();
        await Expect(panel).ToHaveCountAsync(0);
        await Expect(ana.Page.GetByRole(AriaRole.Dialog, new() { Name = "Order badges" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ATasksDialogShowsItsHistoryLive()
    {
        var (ana, ben, _) = await TwoPeopleOnABoardAsync();

        await ana.Page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Pricing", Exact = true }).ClickAsync();
        var history = ana.Page.GetByRole(AriaRole.Dialog, new() { Name = "Pricing" }).GetByRole(AriaRole.List, new() { Name = "Changes to this task" });
        await Expect(history.Locator(".activity-summary")).ToHaveTextAsync(["Ana created “Pricing” in “To do”"]);

        await ben.Page.MoveByKeyboardAsync(ben.Page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Move task: Pricing" }), "ArrowUp", "To do, position 1");
        await Expect(history.Locator(".activity-summary")).ToHaveTextAsync(["Ben moved “Pricing” within “To do”", "Ana created “Pricing” in “To do”"]);
    }

    [Fact]
    public async Task AtPhoneWidthTheActivityAndTrashPanelsFitTheScreen()
    {
        const int width = 390, height = 844;
        var (ana, _, _) = await TwoPeopleOnABoardAsync(width, height, touch: true);
        var page = ana.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Activity", Exact = true }).TapAsync();
        var panel = page.GetByRole(AriaRole.Dialog, new() { Name = "Activity" });
        await Expect(panel.Locator(".activity-entry").First).ToBeVisibleAsync();
        await AssertFitsAsync(page, panel, width, height, "the activity panel");
        await page.SaveScreenshotAsync("activity-phone.png", output);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Close" }).TapAsync();
        await Expect(panel).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Trash", Exact = true }).TapAsync();
        var trash = page.GetByRole(AriaRole.Dialog, new() { Name = "Trash" });
        await Expect(trash.GetByText("The trash is empty.")).ToBeVisibleAsync();
        await AssertFitsAsync(page, trash, width, height, "the trash");
        await page.SaveScreenshotAsync("trash-phone.png", output);
    }

    /// <summary>The document is never wider than the screen, and the panel is within it.</summary>
    private static async Task AssertFitsAsync(IPage page, ILocator panel, int width, int height, string what)
    {
        var sizes = await page.EvaluateAsync<JsonElement>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(sizes[0].GetInt32() <= sizes[1].GetInt32(), $"the page with {what} open is {sizes[0]} px wide on a {sizes[1]} px screen");
        var box = (await panel.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width + 0.5 && box.Y + box.Height <= height + 0.5,
            $"{what} is at {box.X},{box.Y} sized {box.Width}×{box.Height}, outside the {width}×{height} screen");
    }
}
