using Kanban.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>Two people on one board in two browsers: what one does, the other sees without reloading.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveBoardTests(Browser browser, SqliteServer fixture, ITestOutputHelper output) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    private async Task<(Person ana, Person ben, string board)> TwoPeopleOnABoardAsync(params string[] columns)
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var ben = await Person.SignUpAsync(Browser, _server, "Ben");
        var board = (await ana.GraphQLAsync("mutation { createBoard(input: { name: \"Launch\" }) { id } }")).GetProperty("createBoard").GetProperty("id").GetString()!;
        foreach (var column in columns)
            await ana.GraphQLAsync("mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }", new { b = board, n = column });
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = board, e = ben.Email });
        await ana.Page.OpenAsync(board);
        await ben.Page.OpenAsync(board);
        return (ana, ben, board);
    }

    [Fact]
    public async Task APageMarksTheMomentItsBoardIsFirstShownWithColumnsAndCards()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var board = (await ana.GraphQLAsync("mutation { createBoard(input: { name: \"Launch\" }) { id } }")).GetProperty("createBoard").GetProperty("id").GetString()!;
        foreach (var name in new[] { "To do", "Done" })
        {
            var column = (await ana.GraphQLAsync("mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }", new { b = board, n = name }))
                .GetProperty("createColumn").GetProperty("id").GetString()!;
            await ana.GraphQLAsync("mutation($c: ID!, $t: String!) { createTask(input: { columnId: $c, title: $t }) { id } }", new { c = column, t = $"A task in {name}" });
        }
        // What the document holds at the instant of the mark, as the page's own code makes it.
        await ana.Page.AddInitScriptAsync("""
            const mark = performance.mark.bind(performance);
            performance.mark = (name, options) => {
              if (name === 'kanban:board-shown')
                window.__boardShown = { columns: document.querySelectorAll('section.column').length, cards: document.querySelectorAll('.card').length };
              return mark(name, options);
            };
            """);

        await ana.Page.GotoAsync($"/boards/{board}");
        await ana.Page.WaitForFunctionAsync("() => performance.getEntriesByName('kanban:board-shown').length > 0");
        var marks = await ana.Page.EvaluateAsync<System.Text.Json.JsonElement>(
            "() => performance.getEntriesByName('kanban:board-shown').map(m => ({ boardId: m.detail.boardId, startTime: m.startTime }))");
        var shown = await ana.Page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__boardShown");
        Assert.Equal(1, marks.GetArrayLength());
        Assert.Equal(board, marks[0].GetProperty("boardId").GetString());
        Assert.True(marks[0].GetProperty("startTime").GetDouble() > 0);
        Assert.Equal(2, shown.GetProperty("columns").GetInt32());
        Assert.Equal(2, shown.GetProperty("cards").GetInt32());

        // Later changes are not a first showing: the mark stays one.
        await ana.Page.AddTaskAsync("To do", "One more");
        await Expect(ana.Page.CardTitles("To do")).ToHaveCountAsync(2);
        Assert.Equal(1, await ana.Page.EvaluateAsync<int>("() => performance.getEntriesByName('kanban:board-shown').length"));
    }

    [Fact]
    public async Task AnOwnerChangesTheRoleOfAMemberWhoArrivedWhileTheBoardWasOpen()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var ben = await Person.SignUpAsync(Browser, _server, "Ben");
        var board = (await ana.GraphQLAsync("mutation { createBoard(input: { name: \"Launch\" }) { id } }")).GetProperty("createBoard").GetProperty("id").GetString()!;
        await ana.GraphQLAsync("mutation($b: ID!) { createColumn(input: { boardId: $b, name: \"To do\" }) { id } }", new { b = board });
        await ana.Page.OpenAsync(board);
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Members" }).ClickAsync();

        // Ben arrives by an event, which carries no email (every member hears it); the owner's
        // page asks for the email when she changes his role.
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = board, e = ben.Email });
        var role = ana.Page.GetByLabel("Role of Ben");
        await Expect(role).ToHaveValueAsync("EDITOR");
        await role.SelectOptionAsync("VIEWER");

        await Eventually.HoldsAsync(async () =>
        {
            var members = (await ana.BoardAsync(board)).GetProperty("members").EnumerateArray();
            Assert.Equal("VIEWER", members.Single(m => m.GetProperty("user").GetProperty("name").GetString() == "Ben").GetProperty("role").GetString());
        });
        await Expect(role).ToHaveValueAsync("VIEWER");
        await Expect(ana.Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ANewcomerSignsUpCreatesABoardAndItsUrlSurvivesAReload()
    {
        var page = await Browser.NewPersonAsync(_server.Address);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an account" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync($"new-{Guid.NewGuid():N}@example.test");
        await page.GetByLabel("Display name").FillAsync("Nora");
        await page.GetByLabel("Password").FillAsync(Accounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your boards" })).ToBeVisibleAsync();

        await page.GetByLabel("New board name").FillAsync("Garden plans");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create board" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/boards/[0-9a-f-]{36}$"));
        await page.AddColumnAsync("Seeds");
        // The column shows at once, before the server has it: reload only once it is stored, or
        // the reload may cut off the request in flight (as it would for a person).
        var boardId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Eventually.HoldsAsync(async () =>
        {
            var response = await page.Context.APIRequest.PostAsync("/graphql", new()
            {
                DataObject = new { query = "query($id: ID!) { board(id: $id) { columns { name } } }", variables = new { id = boardId } },
            });
            Assert.Contains("\"Seeds\"", await response.TextAsync());
        });
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Garden plans", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Seeds", Level = 2 })).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Garden plans" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Seeds", Level = 2 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SigningUpWithAnEmailThatHasAnAccountSaysWhatToDo()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var page = await Browser.NewPersonAsync(_server.Address);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an account" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(ana.Email);
        await page.GetByLabel("Password").FillAsync("Another-Horse-7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        // The server answers the registration as if it were new (nobody learns who has an account);
        // the sign-in that follows fails, and the page says why that may be and what to do.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("may already have an account. Sign in with its password");
    }

    [Fact]
    public async Task TaskChangesByOnePersonAppearForTheOther()
    {
        var (ana, ben, board) = await TwoPeopleOnABoardAsync("To do", "Done");

        await ana.Page.AddTaskAsync("To do", "Write the brief");
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Write the brief"]);

        // Edit the title in place.
        var card = ana.Page.Card("To do", "Write the brief");
        await card.HoverAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Edit title: Write the brief" }).ClickAsync();
        await ana.Page.GetByLabel("Task title").FillAsync("Write the launch brief");
        await ana.Page.Keyboard.PressAsync("Enter");
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Write the launch brief"]);

        // Open it and write a description; Ben sees it when he opens the task.
        // In the task's dialog: the filter bar's "Filter by text in title or description" is a label with that word too.
        await ana.Page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Write the launch brief", Exact = true }).ClickAsync();
        await ana.Page.GetByRole(AriaRole.Dialog, new() { Name = "Write the launch brief" }).GetByLabel("Description").FillAsync("One page, <b>plain</b> words");
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(ben.Page.GetByText("Ana is editing")).ToBeVisibleAsync();
        await ana.Page.Keyboard.PressAsync("Escape");
        await Expect(ben.Page.GetByText("Ana is editing")).ToHaveCountAsync(0);
        await ben.Page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Write the launch brief", Exact = true }).ClickAsync();
        await Expect(ben.Page.GetByRole(AriaRole.Dialog, new() { Name = "Write the launch brief" }).GetByLabel("Description"))
            .ToHaveValueAsync("One page, <b>plain</b> words"); // text, never HTML
        await ben.Page.Keyboard.PressAsync("Escape");

        // Drag within the column (keyboard) and across columns (mouse).
        await ana.Page.AddTaskAsync("To do", "Book the venue");
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Write the launch brief", "Book the venue"]);
        await ana.Page.MoveByKeyboardAsync(ana.Page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Move task: Book the venue" }), "ArrowUp", "To do, position 1");
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Book the venue", "Write the launch brief"]);
        await ana.Page.DragAsync(ana.Page.Card("To do", "Book the venue").Locator(".card-title"), ana.Page.Column("Done").Locator(".column-tasks"));
        await Expect(ben.Page.CardTitles("Done")).ToHaveTextAsync(["Book the venue"]);
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Write the launch brief"]);

        await ben.Page.SaveScreenshotAsync("board.png", output);

        // Delete, with a confirmation.
        var done = ana.Page.Card("Done", "Book the venue");
        await done.HoverAsync();
        await done.GetByRole(AriaRole.Button, new() { Name = "Delete task: Book the venue" }).ClickAsync();
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Delete task", Exact = true }).ClickAsync();
        await Expect(ben.Page.CardTitles("Done")).ToHaveCountAsync(0);

        // Both show exactly what the server holds.
        var server = await ana.BoardAsync(board);
        foreach (var column in server.GetProperty("columns").EnumerateArray())
        {
            var titles = column.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()!).ToArray();
            await Expect(ana.Page.CardTitles(column.GetProperty("name").GetString()!)).ToHaveTextAsync(titles);
            await Expect(ben.Page.CardTitles(column.GetProperty("name").GetString()!)).ToHaveTextAsync(titles);
        }
    }

    [Fact]
    public async Task ColumnChangesAppearForTheOther()
    {
        var (ana, ben, _) = await TwoPeopleOnABoardAsync("To do", "Done");
        var headings = ben.Page.Locator("section.column h2");

        await ana.Page.AddColumnAsync("Review");
        await Expect(headings).ToHaveTextAsync(["To do", "Done", "Review"]);

        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Rename column: Review" }).ClickAsync();
        await ana.Page.GetByLabel("Column name").FillAsync("In review");
        await ana.Page.Keyboard.PressAsync("Enter");
        await Expect(headings).ToHaveTextAsync(["To do", "Done", "In review"]);

        await ana.Page.MoveByKeyboardAsync(ana.Page.GetByRole(AriaRole.Button, new() { Name = "Move column: In review" }), "ArrowLeft", "column position 2 of 3");
        await Expect(headings).ToHaveTextAsync(["To do", "In review", "Done"]);

        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Delete column: To do" }).ClickAsync();
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Delete column", Exact = true }).ClickAsync();
        await Expect(headings).ToHaveTextAsync(["In review", "Done"]);
    }

    [Fact]
    public async Task AViewerSeesAReadOnlyBoard()
    {
        var (ana, _, board) = await TwoPeopleOnABoardAsync("To do");
        await ana.Page.AddTaskAsync("To do", "Look, don't touch");
        var vic = await Person.SignUpAsync(Browser, _server, "Vic", width: 390, height: 844); // at phone width
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: VIEWER) { role } }", new { b = board, e = vic.Email });

        await vic.Page.OpenAsync(board);
        await Expect(vic.Page.CardTitles("To do")).ToHaveTextAsync(["Look, don't touch"]);
        await Expect(vic.Page.GetByText("Read only")).ToBeVisibleAsync();
        await Expect(vic.Page.GetByRole(AriaRole.Button, new() { Name = "Add task" })).ToHaveCountAsync(0);
        await Expect(vic.Page.GetByRole(AriaRole.Button, new() { Name = "Add column" })).ToHaveCountAsync(0);
        await Expect(vic.Page.Locator(".card-grip")).ToHaveCountAsync(0);
        await Expect(vic.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^(Delete|Edit title|Rename)") })).ToHaveCountAsync(0);
        await vic.Page.SaveScreenshotAsync("viewer-phone.png", output);
    }

    [Fact]
    public async Task TwoPeopleEditingOneTaskGetAChoiceNotALostEdit()
    {
        var (ana, ben, board) = await TwoPeopleOnABoardAsync("To do");
        await ana.Page.AddTaskAsync("To do", "Pricing");
        await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Pricing"]);
        var taskId = (await ana.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("id").GetString();

        await ana.Page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Pricing", Exact = true }).ClickAsync();
        await ana.Page.GetByRole(AriaRole.Dialog, new() { Name = "Pricing" }).GetByLabel("Description").FillAsync("Ana: three tiers");
        await ben.GraphQLAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { version } }",
            new { i = new { id = taskId, description = "Ben: one price" } });
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(ana.Page.GetByRole(AriaRole.Heading, new() { Name = "This task changed while you were editing" })).ToBeVisibleAsync();
        await Expect(ana.Page.Locator(".conflict-text", new() { HasText = "Ben: one price" })).ToBeVisibleAsync(); // the other person's version is shown
        await Expect(ana.Page.GetByRole(AriaRole.Button, new() { Name = "Take theirs" })).ToBeVisibleAsync();
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Keep mine" }).ClickAsync();
        await Eventually.HoldsAsync(async () =>
        {
            var task = (await ben.BoardAsync(board)).GetProperty("columns")[0].GetProperty("tasks")[0];
            Assert.Equal("Ana: three tiers", task.GetProperty("description").GetString());
        });
    }
}
