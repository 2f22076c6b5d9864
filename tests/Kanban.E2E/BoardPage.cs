using Microsoft.Playwright;

namespace Kanban.E2E;

/// <summary>How a person finds things on the board page: by role and accessible name, as they would.</summary>
public static class BoardPage
{
    public static ILocator Column(this IPage page, string name) =>
        page.Locator("section.column", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 2, Exact = true }) });

    public static ILocator Card(this IPage page, string column, string title) =>
        page.Column(column).Locator(".card", new() { HasText = title });

    public static ILocator CardTitles(this IPage page, string column) => page.Column(column).Locator(".card-title");

    public static async Task OpenAsync(this IPage page, string boardId)
    {
        await page.GotoAsync($"/boards/{boardId}");
        await page.Locator("section.column").First.WaitForAsync();
    }

    public static async Task AddColumnAsync(this IPage page, string name)
    {
        var field = page.GetByLabel("New column name");
        if (!await field.IsVisibleAsync()) // the form stays open after each column
            await page.GetByRole(AriaRole.Button, new() { Name = "Add column" }).ClickAsync();
        await field.FillAsync(name);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 2, Exact = true }).WaitForAsync();
    }

    public static async Task AddTaskAsync(this IPage page, string column, string title)
    {
        await page.Column(column).GetByRole(AriaRole.Button, new() { Name = "Add task", Exact = true }).ClickAsync();
        var field = page.GetByPlaceholder("Add a task…");
        await field.FillAsync(title);
        await field.PressAsync("Enter");
        await field.PressAsync("Escape");
    }

    /// <summary>
    /// dnd-kit's keyboard sensor: pick up with Space, arrow keys, drop with Space. Each step waits
    /// for the board's screen-reader announcement of it (e.g. "column position 2 of 3"), as a
    /// person waits to see the item move before dropping it.
    /// </summary>
    public static async Task MoveByKeyboardAsync(this IPage page, ILocator grip, string key, string expectedPlace)
    {
        var announcement = page.Locator("[id^='DndLiveRegion']");
        await grip.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(announcement).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Picked up|is now in"));
        // dnd-kit measures the drop places in the frames after a pick-up; arrows before that find none.
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        await page.Keyboard.PressAsync(key);
        await Assertions.Expect(announcement).ToContainTextAsync(expectedPlace);
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(announcement).ToContainTextAsync("Dropped");
    }

    /// <summary>A mouse drag from one element to another, through intermediate moves as a hand would.</summary>
    public static async Task DragAsync(this IPage page, ILocator from, ILocator to)
    {
        var source = (await from.BoundingBoxAsync())!;
        var target = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(source.X + 20, source.Y + 8);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(source.X + 40, source.Y + 20, new() { Steps = 5 });
        await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + 10, new() { Steps = 15 });
        await Assertions.Expect(page.Locator(".card-placeholder")).ToHaveCountAsync(1); // the drop place shows
        await page.Mouse.UpAsync();
    }
}
