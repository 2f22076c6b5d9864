using System.Text.Json;
using System.Text.RegularExpressions;
using Kanban.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>Finding work: the board's filter (in the URL), task deep links, search, My tasks; also on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FindingTasksTests(Browser browser, SqliteServer fixture) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private const int PhoneWidth = 390, PhoneHeight = 844;
    private readonly KanbanServer _server = fixture.Server;

    /// <summary>
    /// Ana's board "Launch" (Ben an editor): To do holds "Fix login" (Bug, Ana), "Pricing page"
    /// (UX, Ben), "Write docs" (Ana); Done holds "Ship beta" (Bug).
    /// </summary>
    private async Task<LaunchBoard> LaunchBoardAsync(int width = 1280, int height = 800, bool touch = false)
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana", width, height, touch);
        var ben = await Person.SignUpAsync(Browser, _server, "Ben", width, height, touch);
        var board = await Seed.BoardAsync(ana, "Launch");
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = board, e = ben.Email });
        var todo = await Seed.ColumnAsync(ana, board, "To do");
        var done = await Seed.ColumnAsync(ana, board, "Done");
        var bug = await Seed.LabelAsync(ana, board, "Bug", "RED");
        var ux = await Seed.LabelAsync(ana, board, "UX", "BLUE");
        var (anaId, benId) = (await Seed.MeAsync(ana), await Seed.MeAsync(ben));
        var login = await Seed.TaskAsync(ana, todo, "Fix login", new { addLabelIds = new[] { bug }, addAssigneeIds = new[] { anaId }, description = "The session times out" });
        var pricing = await Seed.TaskAsync(ana, todo, "Pricing page", new { addLabelIds = new[] { ux }, addAssigneeIds = new[] { benId }, description = "Three tiers" });
        await Seed.TaskAsync(ana, todo, "Write docs", new { addAssigneeIds = new[] { anaId } });
        await Seed.TaskAsync(ana, done, "Ship beta", new { addLabelIds = new[] { bug } });
        return new LaunchBoard(ana, ben, board, bug, login, pricing);
    }

    private sealed record LaunchBoard(Person Ana, Person Ben, string Board, string Bug, string Login, string Pricing);

    private static async Task ExpectTitlesAsync(IPage page, string column, params string[] titles) =>
        await Expect(page.CardTitles(column)).ToHaveTextAsync(titles);

    [Fact]
    public async Task FilteringByALabelAndByMeIsInTheUrlSurvivesAReloadAndShowsFilteredOfTotal()
    {
        var launch = await LaunchBoardAsync();
        var page = launch.Ana.Page;
        await page.OpenAsync(launch.Board);
        await ExpectTitlesAsync(page, "To do", "Fix login", "Pricing page", "Write docs");

        // By a label: the URL carries it, the columns count what is shown of all.
        await page.GetByRole(AriaRole.Button, new() { Name = "Labels filter" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Labels", Exact = true }).GetByLabel("Bug").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/boards/{launch.Board}\\?label={launch.Bug}$"));
        await ExpectTitlesAsync(page, "To do", "Fix login");
        await ExpectTitlesAsync(page, "Done", "Ship beta");
        await Expect(page.Column("To do").Locator(".column-count")).ToHaveTextAsync("1 of 3 tasks match the filter");
        await Expect(page.Column("Done").Locator(".column-count")).ToHaveTextAsync("1 of 1 task matches the filter");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Showing" })).ToHaveTextAsync("Showing 2 of 4 tasks.");

        // A reload keeps it.
        await page.ReloadAsync();
        await ExpectTitlesAsync(page, "To do", "Fix login");
        await Expect(page.Column("To do").Locator(".column-count")).ToHaveTextAsync("1 of 3 tasks match the filter");

        // "Clear filters" shows everything again; "Me" is whoever looks.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/boards/{launch.Board}$"));
        await ExpectTitlesAsync(page, "To do", "Fix login", "Pricing page", "Write docs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Assignees filter" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Assignees", Exact = true }).GetByLabel("Me", new() { Exact = true }).CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex("\\?assignee=me$"));
        await ExpectTitlesAsync(page, "To do", "Fix login", "Write docs");
        await ExpectTitlesAsync(page, "Done");
        await Expect(page.Column("Done").GetByText("No task here matches the filter.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await ExpectTitlesAsync(page, "To do", "Fix login", "Write docs");

        // Shared: the same link shows Ben his own tasks.
        await launch.Ben.Page.GotoAsync(page.Url);
        await ExpectTitlesAsync(launch.Ben.Page, "To do", "Pricing page");

        // Back goes to the filter before.
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/boards/{launch.Board}$"));
        await ExpectTitlesAsync(page, "To do", "Fix login", "Pricing page", "Write docs");

        // Text, any letter case, in the title or the description.
        await page.GetByLabel("Filter by text in title or description").FillAsync("TIERS");
        await Expect(page).ToHaveURLAsync(new Regex("\\?q=TIERS$"));
        await ExpectTitlesAsync(page, "To do", "Pricing page");
    }

    [Fact]
    public async Task ATaskAddedThatTheFilterHidesIsSaidToBeHiddenAndClearFiltersShowsIt()
    {
        var launch = await LaunchBoardAsync();
        var page = launch.Ana.Page;
        await page.GotoAsync($"/boards/{launch.Board}?label={launch.Bug}");
        await ExpectTitlesAsync(page, "To do", "Fix login");
        var todo = page.Column("To do");
        var notice = todo.GetByRole(AriaRole.Status).Filter(new() { HasText = "hidden by the filter" });

        // A new task has no label, so the filter hides it: the column says so instead of nothing.
        await page.AddTaskAsync("To do", "Call the bank");
        await Expect(notice).ToHaveTextAsync(new Regex("^Task added; it is hidden by the filter\\.\\s*Clear filters$"));
        await Expect(todo.Locator(".column-count")).ToHaveTextAsync("1 of 4 tasks match the filter");
        await ExpectTitlesAsync(page, "To do", "Fix login");

        // A second one is counted; a task the filter shows ends the notice.
        await page.AddTaskAsync("To do", "Email the bank");
        await Expect(notice).ToContainTextAsync("2 tasks added; they are hidden by the filter.");
        // Another filter: the notice was about the one before.
        await page.GetByRole(AriaRole.Button, new() { Name = "Labels filter" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Labels", Exact = true }).GetByLabel("Bug").UncheckAsync();
        await page.GetByLabel("Filter by text in title or description").FillAsync("bank");
        await Expect(page).ToHaveURLAsync(new Regex($"/boards/{launch.Board}\\?q=bank$"));
        await Expect(notice).ToHaveCountAsync(0);
        await ExpectTitlesAsync(page, "To do", "Call the bank", "Email the bank");

        // With only the text filter, "Pay the bank" shows (no notice) and "Buy milk" is hidden.
        await page.AddTaskAsync("To do", "Pay the bank");
        await ExpectTitlesAsync(page, "To do", "Call the bank", "Email the bank", "Pay the bank");
        await Expect(notice).ToHaveCountAsync(0);
        await page.AddTaskAsync("To do", "Buy milk");
        await Expect(notice).ToContainTextAsync("Task added; it is hidden by the filter.");

        // Clear filters in the notice shows every task, the new ones with them, and leaves the URL bare.
        await notice.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/boards/{launch.Board}$"));
        await ExpectTitlesAsync(page, "To do", "Fix login", "Pricing page", "Write docs", "Call the bank", "Email the bank", "Pay the bank", "Buy milk");
        await Expect(notice).ToHaveCountAsync(0);
        await Expect(todo.Locator(".column-count")).ToHaveTextAsync("7 tasks");
    }

    [Fact]
    public async Task ADeepLinkOpensTheTaskBackClosesItAndAMissingTaskIsExplained()
    {
        var launch = await LaunchBoardAsync();
        var page = launch.Ana.Page;
        var taskUrl = $"/boards/{launch.Board}/tasks/{launch.Pricing}";

        await page.GotoAsync(taskUrl);
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Pricing page" });
        await Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex($"/boards/{launch.Board}$"));

        // Opened from the board: the URL names the task, Back closes it, Forward opens it again.
        await page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Pricing page", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{taskUrl}$"));
        await page.GoBackAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex($"/boards/{launch.Board}$"));
        await page.GoForwardAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // With a filter on, opening and closing a task keeps it.
        await page.GotoAsync($"/boards/{launch.Board}?q=pricing");
        await page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Pricing page", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{taskUrl}\\?q=pricing$"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(page).ToHaveURLAsync(new Regex($"/boards/{launch.Board}\\?q=pricing$"));
        await ExpectTitlesAsync(page, "To do", "Pricing page");

        // A task that is not there: the board, and a message saying why.
        await page.GotoAsync($"/boards/{launch.Board}/tasks/{Guid.NewGuid()}");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("it was deleted, or it never existed");
        await ExpectTitlesAsync(page, "To do", "Fix login", "Pricing page", "Write docs");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SearchFindsATaskByAWordAndOpensItOnItsBoard()
    {
        var launch = await LaunchBoardAsync();
        var page = launch.Ana.Page;
        var garden = await Seed.BoardAsync(launch.Ana, "Garden");
        await Seed.TaskAsync(launch.Ana, await Seed.ColumnAsync(launch.Ana, garden, "Spring"), "Water the plants");
        await page.OpenAsync(garden);

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search tasks on all your boards" });
        await box.FillAsync("tiers"); // only in the description
        var results = page.GetByRole(AriaRole.Listbox, new() { Name = "Tasks found" });
        await Expect(results.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(results.GetByRole(AriaRole.Option).First).ToContainTextAsync("Pricing page");
        await Expect(results.GetByRole(AriaRole.Option).First).ToContainTextAsync("Launch");
        await box.PressAsync("ArrowDown");
        await Expect(results.GetByRole(AriaRole.Option, new() { Selected = true })).ToContainTextAsync("Pricing page");
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/boards/{launch.Board}/tasks/{launch.Pricing}$"));
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Pricing page" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await box.FillAsync("xylophone");
        await Expect(page.GetByText("No tasks match “xylophone”")).ToBeVisibleAsync();
        await box.PressAsync("Escape");
        await Expect(results).ToBeHiddenAsync();
    }

    [Fact]
    public async Task MyTasksGroupsTheCallersTasksByDueDate()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var ben = await Person.SignUpAsync(Browser, _server, "Ben");
        var (anaId, benId) = (await Seed.MeAsync(ana), await Seed.MeAsync(ben));
        var launch = await Seed.BoardAsync(ana, "Launch");
        var todo = await Seed.ColumnAsync(ana, launch, "To do");
        var garden = await Seed.BoardAsync(ana, "Garden");
        var spring = await Seed.ColumnAsync(ana, garden, "Spring");
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = launch, e = ben.Email });
        // The Browser's today is Wednesday 16 January 2030, noon local time.
        await ana.Page.Clock.SetFixedTimeAsync("2030-01-16T12:00:00");
        await Seed.TaskAsync(ana, todo, "Overdue thing", new { addAssigneeIds = new[] { anaId }, dueDate = "2030-01-10" });
        await Seed.TaskAsync(ana, todo, "Today thing", new { addAssigneeIds = new[] { anaId }, dueDate = "2030-01-16" });
        await Seed.TaskAsync(ana, todo, "Friday thing", new { addAssigneeIds = new[] { anaId }, dueDate = "2030-01-18" });
        await Seed.TaskAsync(ana, todo, "Next month thing", new { addAssigneeIds = new[] { anaId }, dueDate = "2030-02-20" });
        await Seed.TaskAsync(ana, todo, "Someday thing", new { addAssigneeIds = new[] { anaId } });
        await Seed.TaskAsync(ana, todo, "Ben's thing", new { addAssigneeIds = new[] { benId }, dueDate = "2030-01-16" });
        var water = await Seed.TaskAsync(ana, spring, "Water the plants", new { addAssigneeIds = new[] { anaId }, dueDate = "2030-01-16" });

        var page = ana.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "My tasks" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My tasks", Level = 1 })).ToBeVisibleAsync();
        ILocator Group(string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });
        await Expect(Group("Overdue").GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await Expect(Group("Overdue").GetByRole(AriaRole.Link)).ToContainTextAsync("Overdue thing");
        await Expect(Group("Today").GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Expect(Group("Today").GetByRole(AriaRole.Link, new() { Name = "Water the plants" })).ToContainTextAsync("Garden");
        await Expect(Group("This week").GetByRole(AriaRole.Link)).ToContainTextAsync(["Friday thing"]);
        await Expect(Group("Later").GetByRole(AriaRole.Link)).ToContainTextAsync(["Next month thing"]);
        await Expect(Group("No date").GetByRole(AriaRole.Link)).ToContainTextAsync(["Someday thing"]);
        await Expect(page.GetByText("Ben's thing")).ToHaveCountAsync(0);

        // Ben gives Ana a task while she is elsewhere; when the page has her attention again, it is there.
        await Seed.TaskAsync(ben, todo, "Late addition", new { addAssigneeIds = new[] { anaId }, dueDate = "2030-01-16" });
        await Expect(Group("Today").GetByRole(AriaRole.Link)).ToHaveCountAsync(2); // not pushed live
        // Headless Chromium's window never loses focus: this is the event a person's return sends.
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('focus'))");
        await Expect(Group("Today").GetByRole(AriaRole.Link)).ToHaveCountAsync(3);
        await Expect(Group("Today").GetByRole(AriaRole.Link, new() { Name = "Late addition" })).ToContainTextAsync("Launch");

        await Group("Today").GetByRole(AriaRole.Link, new() { Name = "Water the plants" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/boards/{garden}/tasks/{water}$"));
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Water the plants" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AtPhoneWidthTheFilterAndSearchFoldAwayAndNothingSlidesSideways()
    {
        var launch = await LaunchBoardAsync(PhoneWidth, PhoneHeight, touch: true);
        var page = launch.Ana.Page;
        await page.OpenAsync(launch.Board);
        await AssertFitsAsync(page, "the board");

        // The filter folds behind one button.
        var filterText = page.GetByLabel("Filter by text in title or description");
        await Expect(filterText).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).TapAsync();
        await Expect(filterText).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Labels filter" }).TapAsync();
        await AssertFitsAsync(page, "the board with the label list open");
        await page.GetByRole(AriaRole.Group, new() { Name = "Labels", Exact = true }).GetByLabel("Bug").TapAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"\\?label={launch.Bug}$"));
        await Expect(page.Column("To do").Locator(".column-count")).ToHaveTextAsync("1 of 3 tasks match the filter");
        await AssertFitsAsync(page, "the filtered board");

        // Search unfolds over the top bar.
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search tasks on all your boards" });
        await Expect(box).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search tasks" }).TapAsync();
        await box.FillAsync("tiers");
        var result = page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Pricing page" });
        await Expect(result).ToBeVisibleAsync();
        await AssertFitsAsync(page, "the board with search results");
        await result.TapAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Pricing page" });
        await Expect(dialog).ToBeVisibleAsync();
        await AssertFitsAsync(page, "the task opened from search");

        // A deep link, and My tasks.
        await page.GotoAsync($"/boards/{launch.Board}/tasks/{launch.Login}");
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Fix login" })).ToBeVisibleAsync();
        await AssertFitsAsync(page, "a task's deep link");
        await page.GotoAsync("/my-tasks");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Fix login" })).ToBeVisibleAsync();
        await AssertFitsAsync(page, "My tasks");
    }

    /// <summary>The document is never wider than the screen, so nothing slides sideways.</summary>
    private static async Task AssertFitsAsync(IPage page, string where)
    {
        var sizes = await page.EvaluateAsync<JsonElement>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(sizes[0].GetInt32() <= sizes[1].GetInt32(), $"{where} is {sizes[0]} px wide on a {sizes[1]} px screen");
    }

    /// <summary>Setting things up through GraphQL, as the person themselves.</summary>
    private static class Seed
    {
        public static async Task<string> MeAsync(Person person) =>
            (await person.GraphQLAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString()!;

        public static async Task<string> BoardAsync(Person person, string name) =>
            (await person.GraphQLAsync("mutation($n: String!) { createBoard(input: { name: $n }) { id } }", new { n = name }))
                .GetProperty("createBoard").GetProperty("id").GetString()!;

        public static async Task<string> ColumnAsync(Person person, string board, string name) =>
            (await person.GraphQLAsync("mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }", new { b = board, n = name }))
                .GetProperty("createColumn").GetProperty("id").GetString()!;

        public static async Task<string> LabelAsync(Person person, string board, string name, string color) =>
            (await person.GraphQLAsync("mutation($in: CreateLabelInput!) { createLabel(input: $in) { id } }", new { @in = new { boardId = board, name, color } }))
                .GetProperty("createLabel").GetProperty("id").GetString()!;

        /// <summary>Creates a task, then sets the rest (labels, assignees, due date, description) with updateTask.</summary>
        public static async Task<string> TaskAsync(Person person, string column, string title, object? rest = null)
        {
            var id = (await person.GraphQLAsync("mutation($in: CreateTaskInput!) { createTask(input: $in) { id } }", new { @in = new { columnId = column, title } }))
                .GetProperty("createTask").GetProperty("id").GetString()!;
            if (rest is not null)
            {
                var input = JsonSerializer.SerializeToNode(rest)!.AsObject();
                input["id"] = id;
                await person.GraphQLAsync("mutation($in: UpdateTaskInput!) { updateTask(input: $in) { id } }", new { @in = input });
            }
            return id;
        }
    }
}
