using System.Text.Json;
using Kanban.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>On a phone the page keeps to the screen: columns scroll inside the board, dialogs fit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneTests(Browser browser, SqliteServer fixture) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private const int Width = 390, Height = 844;
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task AtPhoneWidthThePageNeverSlidesSidewaysAndTheTaskDialogFits()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana", Width, Height, touch: true);
        var board = (await ana.GraphQLAsync("mutation { createBoard(input: { name: \"Launch\" }) { id } }")).GetProperty("createBoard").GetProperty("id").GetString()!;
        foreach (var name in new[] { "To do", "Doing", "Review", "Done" })
        {
            var column = (await ana.GraphQLAsync("mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }", new { b = board, n = name }))
                .GetProperty("createColumn").GetProperty("id").GetString();
            foreach (var title in new[] { $"{name}: first", $"{name}: second with a longer title that wraps" })
                await ana.GraphQLAsync("mutation($in: CreateTaskInput!) { createTask(input: $in) { id } }", new { @in = new { columnId = column, title } });
        }
        var page = ana.Page;

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Launch" })).ToBeVisibleAsync();
        await AssertFitsAsync(page, "the board list");

        await page.OpenAsync(board);
        await Expect(page.CardTitles("Done")).ToHaveCountAsync(2);
        await AssertFitsAsync(page, "the board");
        // The columns are all there, side by side: they scroll within the board instead.
        var scroller = await page.Locator(".board-scroller").EvaluateAsync<JsonElement>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(scroller[0].GetInt32() > scroller[1].GetInt32(), $"the columns do not scroll within the board: {scroller}");

        // Open a task in the last column with a tap: the dialog fits the screen.
        await page.Column("Done").GetByRole(AriaRole.Button, new() { Name = "Done: first", Exact = true }).TapAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await AssertFitsAsync(page, "the board with the task dialog open");
        var box = (await dialog.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= Width && box.Y + box.Height <= Height,
            $"the task dialog is at {box.X},{box.Y} sized {box.Width}×{box.Height}, outside the {Width}×{Height} screen");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>The document is never wider than the screen, so nothing slides sideways.</summary>
    private static async Task AssertFitsAsync(IPage page, string where)
    {
        var sizes = await page.EvaluateAsync<JsonElement>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(sizes[0].GetInt32() <= sizes[1].GetInt32(), $"{where} is {sizes[0]} px wide on a {sizes[1]} px screen");
    }
}
