using Kanban.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>What a new user met in the task dialog, the add forms and the cards.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TaskDialogTests(Browser browser, SqliteServer fixture) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    private async Task<(Person ana, string board)> OnABoardAsync(string boardName, params string[] columns)
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var board = (await ana.GraphQLAsync("mutation($n: String!) { createBoard(input: { name: $n }) { id } }", new { n = boardName }))
            .GetProperty("createBoard").GetProperty("id").GetString()!;
        foreach (var column in columns)
            await ana.GraphQLAsync("mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }", new { b = board, n = column });
        await ana.Page.OpenAsync(board);
        return (ana, board);
    }

    private static async Task<ILocator> OpenTaskAsync(IPage page, string column, string title)
    {
        await page.Column(column).GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = title });
        await Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    private static async Task<System.Text.Json.JsonElement> FirstTaskAsync(Person person, string board) =>
        (await person.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks")[0];

    [Fact]
    public async Task OneSaveStoresTheChangedTitleAndDescriptionWithoutAFalseWarning()
    {
        var (ana, board) = await OnABoardAsync("Launch", "To do");
        await ana.Page.AddTaskAsync("To do", "Pricing");
        var dialog = await OpenTaskAsync(ana.Page, "To do", "Pricing");

        await dialog.GetByLabel("Description").FillAsync("Three tiers");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Edit title" }).ClickAsync();
        await dialog.GetByLabel("Title", new() { Exact = true }).FillAsync("Pricing page");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Eventually.HoldsAsync(async () =>
        {
            var task = await FirstTaskAsync(ana, board);
            Assert.Equal("Pricing page", task.GetProperty("title").GetString());
            Assert.Equal("Three tiers", task.GetProperty("description").GetString());
        });
        // Nothing left to save, and nobody else changed anything: no warning.
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeDisabledAsync();
        await Expect(ana.Page.GetByText("changed this description")).ToHaveCountAsync(0);
        await Expect(ana.Page.GetByRole(AriaRole.Heading, new() { Name = "This task changed while you were editing" })).ToHaveCountAsync(0);
        await Expect(dialog.GetByLabel("Description")).ToHaveValueAsync("Three tiers");
    }

    [Fact]
    public async Task AChangeBySomeoneElseWhileEditingCanBeTakenOrDismissed()
    {
        var (ana, board) = await OnABoardAsync("Launch", "To do");
        var ben = await Person.SignUpAsync(Browser, _server, "Ben");
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = board, e = ben.Email });
        await ana.Page.AddTaskAsync("To do", "Pricing");
        string? taskId = null; // the server has it once the add is answered
        await Eventually.HoldsAsync(async () => taskId = (await FirstTaskAsync(ana, board)).GetProperty("id").GetString());
        var dialog = await OpenTaskAsync(ana.Page, "To do", "Pricing");
        var description = dialog.GetByLabel("Description");
        var notice = dialog.GetByText("changed this description while you were editing");

        await description.FillAsync("Ana: three tiers");
        await ben.GraphQLAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { version } }", new { i = new { id = taskId, description = "Ben: one price" } });
        await Expect(notice).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Use their version" }).ClickAsync();
        await Expect(description).ToHaveValueAsync("Ben: one price");
        await Expect(notice).ToHaveCountAsync(0);

        await description.FillAsync("Ana: two tiers");
        await ben.GraphQLAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { version } }", new { i = new { id = taskId, description = "Ben: free" } });
        await Expect(notice).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(notice).ToHaveCountAsync(0);
        await Expect(description).ToHaveValueAsync("Ana: two tiers");

        // Dismissed is not lost: saving still asks, and keeping mine stores it.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Keep mine" }).ClickAsync();
        await Eventually.HoldsAsync(async () => Assert.Equal("Ana: two tiers", (await FirstTaskAsync(ana, board)).GetProperty("description").GetString()));
    }

    [Fact]
    public async Task EditTitleInTheDialogOpensOnlyTheDialogsEditor()
    {
        var (ana, _) = await OnABoardAsync("Launch", "To do");
        await ana.Page.AddTaskAsync("To do", "Pricing");
        var dialog = await OpenTaskAsync(ana.Page, "To do", "Pricing");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Edit title" }).ClickAsync();
        await Expect(dialog.GetByLabel("Title", new() { Exact = true })).ToBeFocusedAsync();
        await Expect(ana.Page.GetByLabel("Task title", new() { Exact = true })).ToHaveCountAsync(0); // the card's own editor
        await ana.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog.GetByLabel("Title", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(ana.Page.GetByLabel("Task title", new() { Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TitlesThatAreTooLongOrEmptySayWhatIsWrongInPlace()
    {
        var (ana, board) = await OnABoardAsync("Launch", "To do");
        var tooLong = new string('x', 5000);
        const string tooLongMessage = "A title is at most 200 characters (this one has 5,000).";

        // A new task: empty leaves Add disabled with a hint; a long paste is kept and explained.
        await ana.Page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Add task", Exact = true }).ClickAsync();
        var field = ana.Page.GetByLabel("New task title");
        var add = ana.Page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true });
        await Expect(add).ToBeDisabledAsync();
        await Expect(add).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Type a title"));
        await field.FillAsync(tooLong);
        await Expect(field).ToHaveValueAsync(tooLong); // not cut short
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(tooLongMessage)));
        await Expect(add).ToBeDisabledAsync();
        await field.PressAsync("Enter");
        await Expect(field).ToHaveValueAsync(tooLong);
        await Expect(ana.Page.CardTitles("To do")).ToHaveCountAsync(0);
        await field.FillAsync("Short enough");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "false");
        await field.PressAsync("Enter");
        await Expect(ana.Page.CardTitles("To do")).ToHaveTextAsync(["Short enough"]);
        await field.PressAsync("Escape");

        // Renaming a column.
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Rename column: To do" }).ClickAsync();
        var columnName = ana.Page.GetByLabel("Column name", new() { Exact = true });
        await columnName.FillAsync(tooLong);
        await columnName.PressAsync("Enter");
        await Expect(columnName).ToHaveValueAsync(tooLong);
        await Expect(columnName).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(columnName).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("A name is at most 200 characters \\(this one has 5,000\\)"));
        await columnName.PressAsync("Escape");
        await Expect(ana.Page.GetByRole(AriaRole.Heading, new() { Name = "To do", Level = 2 })).ToBeVisibleAsync();

        // A new board.
        await ana.Page.GotoAsync("/");
        var boardName = ana.Page.GetByLabel("New board name");
        await boardName.FillAsync(tooLong);
        await Expect(boardName).ToHaveValueAsync(tooLong);
        await Expect(boardName).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(boardName).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("A name is at most 200 characters \\(this one has 5,000\\)"));
        await Expect(ana.Page.GetByRole(AriaRole.Button, new() { Name = "Create board" })).ToBeDisabledAsync();

        var server = await ana.BoardAsync(board);
        Assert.Equal("To do", server.GetProperty("columns")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task TheAddColumnFormStaysOpenForTheNextColumn()
    {
        var (ana, _) = await OnABoardAsync("Launch", "To do");
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Add column" }).ClickAsync();
        var field = ana.Page.GetByLabel("New column name");
        await field.FillAsync("Doing");
        await field.PressAsync("Enter");
        await Expect(ana.Page.GetByRole(AriaRole.Heading, new() { Name = "Doing", Level = 2 })).ToBeVisibleAsync();
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToHaveValueAsync("");
        await ana.Page.Keyboard.TypeAsync("Done");
        await ana.Page.Keyboard.PressAsync("Enter");
        await Expect(ana.Page.Locator("section.column h2")).ToHaveTextAsync(["To do", "Doing", "Done"]);
        await ana.Page.Keyboard.PressAsync("Escape");
        await Expect(field).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RightToLeftTextRunsRightToLeftAndCardIconsNeverCoverTheTitle()
    {
        var (ana, _) = await OnABoardAsync("לוח השקה", "לעשות");
        await ana.Page.AddTaskAsync("לעשות", "לכתוב את התקציר");
        await ana.Page.AddTaskAsync("לעשות", "A long title that runs the whole width of the card and under its corner");

        await Expect(ana.Page.GetByRole(AriaRole.Heading, new() { Name = "לוח השקה", Level = 1 })).ToHaveAttributeAsync("dir", "auto");
        await Expect(ana.Page.GetByRole(AriaRole.Heading, new() { Name = "לעשות", Level = 2 })).ToHaveAttributeAsync("dir", "auto");
        var rtlTitle = ana.Page.CardTitles("לעשות").First;
        await Expect(rtlTitle).ToHaveAttributeAsync("dir", "auto");
        await Expect(rtlTitle).ToHaveCSSAsync("text-align", "start");

        var dialog = await OpenTaskAsync(ana.Page, "לעשות", "לכתוב את התקציר");
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "לכתוב את התקציר" })).ToHaveAttributeAsync("dir", "auto");
        await Expect(dialog.GetByLabel("Description")).ToHaveAttributeAsync("dir", "auto");
        await ana.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        var card = ana.Page.Card("לעשות", "A long title");
        await card.HoverAsync();
        var actions = card.Locator(".card-actions");
        await Expect(actions).ToHaveCSSAsync("opacity", "1");
        var title = (await card.Locator(".card-title").BoundingBoxAsync())!;
        var icons = (await actions.BoundingBoxAsync())!;
        Assert.True(title.X + title.Width <= icons.X + 0.5, $"the title ends at {title.X + title.Width}, under the icons from {icons.X}");
    }
}
