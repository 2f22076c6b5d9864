using System.Text.Json;
using Kanban.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>
/// A task's detail in two browsers: labels, assignees, due dates, the checklist and comments
/// travel live; Markdown renders, while HTML in it stays text; all of it fits a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TaskDetailTests(Browser browser, SqliteServer fixture) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private const string DetailQuery = """
        query($id: ID!) { board(id: $id) { labels { id name color }
          columns { tasks { id title labelIds assigneeIds dueDate commentCount checklist { text done } } } } }
        """;

    private const string Hostile = "<script>window.__pwned = 1</script>\n\nand <img src=x onerror=\"window.__pwned = 2\"> here";

    private readonly KanbanServer _server = fixture.Server;

    private sealed record Setup(Person Ana, Person Ben, string Board, string Task);

    /// <summary>Ana owns a board with a "To do" column and a task "Pricing"; Ben is an EDITOR of it.</summary>
    private async Task<Setup> OnABoardAsync(int width = 1280, int height = 800, bool touch = false)
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana", width, height, touch);
        var ben = await Person.SignUpAsync(Browser, _server, "Ben", width, height, touch);
        var board = (await ana.GraphQLAsync("mutation { createBoard(input: { name: \"Launch\" }) { id } }")).GetProperty("createBoard").GetProperty("id").GetString()!;
        var column = (await ana.GraphQLAsync("mutation($b: ID!) { createColumn(input: { boardId: $b, name: \"To do\" }) { id } }", new { b = board }))
            .GetProperty("createColumn").GetProperty("id").GetString()!;
        var task = (await ana.GraphQLAsync("mutation($c: ID!) { createTask(input: { columnId: $c, title: \"Pricing\" }) { id } }", new { c = column }))
            .GetProperty("createTask").GetProperty("id").GetString()!;
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = board, e = ben.Email });
        return new Setup(ana, ben, board, task);
    }

    private static async Task<JsonElement> TaskAsync(Person person, string board) =>
        (await person.GraphQLAsync(DetailQuery, new { id = board })).GetProperty("board").GetProperty("columns")[0].GetProperty("tasks")[0];

    private static async Task<ILocator> OpenTaskAsync(IPage page, string title)
    {
        await page.Column("To do").GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = title });
        await Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    [Fact]
    public async Task WhatOnePersonLabelsAssignsDatesTicksAndSaysTheOtherSeesLive()
    {
        var (ana, ben, board, task) = await OnABoardAsync();
        await ana.GraphQLAsync("mutation($b: ID!) { createLabel(input: { boardId: $b, name: \"Bug\", color: RED }) { id } }", new { b = board });
        await ana.GraphQLAsync("mutation($t: ID!) { addChecklistItem(input: { taskId: $t, text: \"Write copy\" }) { id } }", new { t = task });
        await ana.Page.OpenAsync(board);
        await ben.Page.OpenAsync(board);
        var bensCard = ben.Page.Card("To do", "Pricing");
        await Expect(bensCard).ToContainTextAsync("0/1");

        var dialog = await OpenTaskAsync(ana.Page, "Pricing");

        // A label, by its name (never by colour alone).
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Change labels" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Bug", Exact = true }).CheckAsync();
        await Expect(bensCard.GetByText("Bug", new() { Exact = true })).ToBeVisibleAsync();

        // An assignee, from the board's members.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Change assignees" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Ben", Exact = true }).CheckAsync();
        await Expect(bensCard.GetByRole(AriaRole.Group, new() { Name = "Assigned to Ben" })).ToBeVisibleAsync();

        // A due date of today says so in words, not only by colour.
        await dialog.GetByLabel("Due date", new() { Exact = true }).FillAsync(DateTime.Now.ToString("yyyy-MM-dd"));
        await Expect(bensCard.GetByText("Today", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(bensCard).ToContainTextAsync("Due today");

        // A tick.
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Write copy", Exact = true }).CheckAsync();
        await Expect(bensCard).ToContainTextAsync("1/1");

        // Ben opens the task: his dialog shows all of it, and a comment arrives while it is open.
        var bensDialog = await OpenTaskAsync(ben.Page, "Pricing");
        await Expect(bensDialog.GetByRole(AriaRole.Checkbox, new() { Name = "Write copy", Exact = true })).ToBeCheckedAsync();
        await Expect(bensDialog.GetByText("No comments yet.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Add a comment").FillAsync("Ship it **today**");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var bensComment = bensDialog.GetByRole(AriaRole.Listitem, new() { Name = "Comment by Ana" });
        await Expect(bensComment).ToContainTextAsync("Ship it today");
        await Expect(bensComment.Locator("strong", new() { HasText = "today" })).ToBeVisibleAsync();
        await Expect(bensCard).ToContainTextAsync("1 comment");

        // A second item, moved to the top with the keyboard; Ben's open checklist follows.
        await dialog.GetByLabel("New checklist item").FillAsync("Test it");
        await dialog.GetByLabel("New checklist item").PressAsync("Enter");
        await Expect(bensDialog.GetByRole(AriaRole.Checkbox, new() { Name = "Test it", Exact = true })).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Test it", Exact = true }).FocusAsync();
        await ana.Page.Keyboard.PressAsync("Alt+ArrowUp");
        await Expect(bensDialog.Locator(".checklist-text")).ToHaveTextAsync(["Test it", "Write copy"]);

        await Eventually.HoldsAsync(async () =>
        {
            var stored = await TaskAsync(ana, board);
            Assert.Single(stored.GetProperty("labelIds").EnumerateArray());
            Assert.Single(stored.GetProperty("assigneeIds").EnumerateArray());
            Assert.Equal(DateTime.Now.ToString("yyyy-MM-dd"), stored.GetProperty("dueDate").GetString());
            Assert.Equal(1, stored.GetProperty("commentCount").GetInt32());
            Assert.Equal(["Test it", "Write copy"], stored.GetProperty("checklist").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
        });
    }

    [Fact]
    public async Task ALabelManagedFromTheToolbarChangesOnEveryCardLive()
    {
        var (ana, ben, board, task) = await OnABoardAsync();
        await ana.Page.OpenAsync(board);
        await ben.Page.OpenAsync(board);

        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Labels", Exact = true }).ClickAsync();
        var labels = ana.Page.GetByRole(AriaRole.Dialog, new() { Name = "Labels" });
        // An empty name says what to do, in place, and creates nothing.
        await labels.GetByRole(AriaRole.Button, new() { Name = "Create label" }).ClickAsync();
        await Expect(labels.GetByText("Type a label name: it can’t be empty.")).ToBeVisibleAsync();
        await labels.GetByLabel("New label name").FillAsync("Design");
        await labels.GetByLabel("New label colour").SelectOptionAsync("PURPLE");
        await labels.GetByRole(AriaRole.Button, new() { Name = "Create label" }).ClickAsync();
        string? labelId = null;
        await Eventually.HoldsAsync(async () =>
            labelId = (await ana.GraphQLAsync(DetailQuery, new { id = board })).GetProperty("board").GetProperty("labels")[0].GetProperty("id").GetString());
        await ana.GraphQLAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }", new { i = new { id = task, addLabelIds = new[] { labelId } } });
        var bensCard = ben.Page.Card("To do", "Pricing");
        await Expect(bensCard.GetByText("Design", new() { Exact = true })).ToBeVisibleAsync();

        // Rename it: Ben's card follows.
        var name = labels.GetByLabel("Name of label Design");
        await name.FillAsync("UX");
        await name.PressAsync("Enter");
        await Expect(bensCard.GetByText("UX", new() { Exact = true })).ToBeVisibleAsync();

        // Delete it: it goes from the card too.
        await labels.GetByRole(AriaRole.Button, new() { Name = "Delete label UX" }).ClickAsync();
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Delete label", Exact = true }).ClickAsync();
        await Expect(bensCard.GetByText("UX", new() { Exact = true })).ToHaveCountAsync(0);
        await Eventually.HoldsAsync(async () => Assert.Empty((await TaskAsync(ana, board)).GetProperty("labelIds").EnumerateArray()));
    }

    [Fact]
    public async Task MarkdownRendersWhileHtmlInADescriptionOrCommentShowsAsText()
    {
        var (ana, _, board, task) = await OnABoardAsync();
        await SeedMarkdownAsync(ana, task);
        await ana.Page.OpenAsync(board);
        var dialog = await OpenTaskAsync(ana.Page, "Pricing");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await AssertRendersSafelyAsync(ana.Page, dialog);
    }

    [Fact]
    public async Task AtPhoneWidthTheTaskDialogWithItsDetailFitsTheScreen()
    {
        const int width = 390, height = 844;
        var (ana, ben, board, task) = await OnABoardAsync(width, height, touch: true);
        await SeedMarkdownAsync(ana, task);
        var label = (await ana.GraphQLAsync("mutation($b: ID!) { createLabel(input: { boardId: $b, name: \"A label with rather a long name\", color: YELLOW }) { id } }", new { b = board }))
            .GetProperty("createLabel").GetProperty("id").GetString();
        var me = (await ana.GraphQLAsync("query { me { id } }")).GetProperty("me").GetProperty("id").GetString();
        await ana.GraphQLAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }",
            new { i = new { id = task, addLabelIds = new[] { label }, addAssigneeIds = new[] { me }, dueDate = DateTime.Now.AddDays(-2).ToString("yyyy-MM-dd") } });
        foreach (var text in new[] { "A checklist item with a long text that has to wrap on a phone screen", "Short" })
            await ana.GraphQLAsync("mutation($t: ID!, $x: String!) { addChecklistItem(input: { taskId: $t, text: $x }) { id } }", new { t = task, x = text });

        var page = ana.Page;
        await page.OpenAsync(board);
        var card = page.Card("To do", "Pricing");
        await Expect(card.GetByText("Overdue", new() { Exact = true })).ToBeVisibleAsync();
        await AssertFitsAsync(page, "the board with a detailed card");

        await page.Column("To do").GetByRole(AriaRole.Button, new() { Name = "Pricing", Exact = true }).TapAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Pricing" });
        await Expect(dialog.GetByRole(AriaRole.Listitem, new() { Name = "Comment by Ana" })).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Change labels" }).TapAsync();
        await AssertFitsAsync(page, "the task dialog");
        var box = (await dialog.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"the task dialog is at x={box.X} and {box.Width} wide on a {width} px screen");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Preview" }).TapAsync();
        await AssertRendersSafelyAsync(page, dialog);
        await AssertFitsAsync(page, "the task dialog with its preview");

        // Ticking with a tap reaches the other person.
        await ben.Page.OpenAsync(board);
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Short", Exact = true }).TapAsync();
        await Expect(ben.Page.Card("To do", "Pricing")).ToContainTextAsync("1/2");
    }

    [Fact]
    public async Task AViewerCommentsButSeesLabelsAssigneesDueDateAndChecklistReadOnly()
    {
        var (ana, ben, board, task) = await OnABoardAsync();
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: VIEWER) { role } }", new { b = board, e = ben.Email });
        await ana.GraphQLAsync("mutation($t: ID!) { addChecklistItem(input: { taskId: $t, text: \"Write copy\" }) { id } }", new { t = task });
        await ben.Page.OpenAsync(board);
        var dialog = await OpenTaskAsync(ben.Page, "Pricing");

        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Change labels" })).ToHaveCountAsync(0);
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Change assignees" })).ToHaveCountAsync(0);
        await Expect(dialog.GetByLabel("Due date", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Write copy", Exact = true })).ToBeDisabledAsync();
        await Expect(dialog.GetByLabel("New checklist item")).ToHaveCountAsync(0);

        await dialog.GetByLabel("Add a comment").FillAsync("Looks right to me");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Eventually.HoldsAsync(async () => Assert.Equal(1, (await TaskAsync(ana, board)).GetProperty("commentCount").GetInt32()));
        // Their own comment: they may edit and delete it.
        var mine = dialog.GetByRole(AriaRole.Listitem, new() { Name = "Comment by Ben" });
        await Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Edit your comment" })).ToBeVisibleAsync();
        await Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Delete comment by Ben" })).ToBeVisibleAsync();
    }

    private static async Task SeedMarkdownAsync(Person ana, string task)
    {
        const string markdown = "Plain and **bold**\n\n- one\n- two\n\n[our site](https://example.com)\n\n" + Hostile;
        await ana.GraphQLAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }", new { i = new { id = task, description = markdown } });
        await ana.GraphQLAsync("mutation($t: ID!, $b: String!) { addComment(input: { taskId: $t, body: $b }) { id } }", new { t = task, b = "A **strong** word\n\n" + Hostile });
    }

    /// <summary>Bold, a list and a safe link render; the script and the image are text that runs nothing.</summary>
    private static async Task AssertRendersSafelyAsync(IPage page, ILocator dialog)
    {
        var preview = dialog.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Expect(preview.Locator("strong", new() { HasText = "bold" })).ToBeVisibleAsync();
        await Expect(preview.Locator("li")).ToHaveTextAsync(["one", "two"]);
        var link = preview.GetByRole(AriaRole.Link, new() { Name = "our site" });
        await Expect(link).ToHaveAttributeAsync("href", "https://example.com");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Expect(preview.GetByText("<script>window.__pwned = 1</script>")).ToBeVisibleAsync();
        await Expect(preview.GetByText("<img src=x onerror=\"window.__pwned = 2\">", new() { Exact = false })).ToBeVisibleAsync();

        var comment = dialog.GetByRole(AriaRole.Listitem, new() { Name = "Comment by Ana" });
        await Expect(comment.Locator("strong", new() { HasText = "strong" })).ToBeVisibleAsync();
        await Expect(comment.GetByText("<script>window.__pwned = 1</script>")).ToBeVisibleAsync();

        await Expect(dialog.Locator("script, img")).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
    }

    /// <summary>The document is never wider than the screen, so nothing slides sideways.</summary>
    private static async Task AssertFitsAsync(IPage page, string where)
    {
        var sizes = await page.EvaluateAsync<JsonElement>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(sizes[0].GetInt32() <= sizes[1].GetInt32(), $"{where} is {sizes[0]} px wide on a {sizes[1]} px screen");
    }
}
