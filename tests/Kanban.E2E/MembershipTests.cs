using Kanban.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>Sharing a board: what the owner is told, and what the person shared with sees.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MembershipTests(Browser browser, SqliteServer fixture) : BrowserTest(browser), IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    private static async Task<string> CreateBoardAsync(Person owner, string name) =>
        (await owner.GraphQLAsync("mutation($n: String!) { createBoard(input: { name: $n }) { id } }", new { n = name }))
            .GetProperty("createBoard").GetProperty("id").GetString()!;

    [Fact]
    public async Task AddingAnEmailWithNoAccountSaysToAskThemToSignUpFirst()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var board = await CreateBoardAsync(ana, "Launch");
        await ana.GraphQLAsync("mutation($b: ID!) { createColumn(input: { boardId: $b, name: \"To do\" }) { id } }", new { b = board });
        await ana.Page.OpenAsync(board);
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Members" }).ClickAsync();

        var nobody = $"nobody-{Guid.NewGuid():N}@example.test";
        await ana.Page.GetByLabel("Email", new() { Exact = true }).FillAsync(nobody);
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

        var alert = ana.Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync($"Nobody has signed up with {nobody} yet");
        await Expect(alert).ToContainTextAsync("Ask them to create an account first, then add them");
        await Expect(ana.Page.GetByText("That item no longer exists")).ToHaveCountAsync(0);
        await Expect(ana.Page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(nobody); // kept, to fix a typo

        // Once they have an account, the same form adds them, and the message goes.
        var ben = await Person.SignUpAsync(Browser, _server, "Ben");
        await ana.Page.GetByLabel("Email", new() { Exact = true }).FillAsync(ben.Email);
        await Expect(alert).ToHaveCountAsync(0);
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(ana.Page.GetByLabel("Role of Ben")).ToHaveValueAsync("EDITOR");
    }

    [Fact]
    public async Task ABoardSharedWithSomeoneAppearsInTheirListAndLeavesItWithoutAReload()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var ben = await Person.SignUpAsync(Browser, _server, "Ben");
        var board = await CreateBoardAsync(ana, "Shared plans");
        await ben.Page.GotoAsync("/");
        await Expect(ben.Page.GetByText("No boards yet")).ToBeVisibleAsync();
        await ben.Page.EvaluateAsync("() => { window.notReloaded = true; }"); // gone if the page reloads

        var tile = ben.Page.Locator(".board-tile", new() { Has = ben.Page.GetByRole(AriaRole.Link, new() { Name = "Shared plans" }) });
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = board, e = ben.Email });
        await Expect(tile).ToBeVisibleAsync();
        await Expect(tile).ToContainTextAsync("Editor");
        await Expect(tile).ToContainTextAsync("2 members");

        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: VIEWER) { role } }", new { b = board, e = ben.Email });
        await Expect(tile).ToContainTextAsync("Viewer");

        await ana.GraphQLAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = board, u = await UserIdAsync(ben) });
        await Expect(tile).ToHaveCountAsync(0);
        await Expect(ben.Page.GetByText("No boards yet")).ToBeVisibleAsync();
        Assert.True(await ben.Page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
    }

    [Fact]
    public async Task ABoardDeletedByItsOwnerLeavesTheOtherMembersListsWithoutAReload()
    {
        var ana = await Person.SignUpAsync(Browser, _server, "Ana");
        var ben = await Person.SignUpAsync(Browser, _server, "Ben");
        var board = await CreateBoardAsync(ana, "Old plans");
        await ana.GraphQLAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = board, e = ben.Email });
        await ben.Page.GotoAsync("/");
        var tile = ben.Page.Locator(".board-tile", new() { Has = ben.Page.GetByRole(AriaRole.Link, new() { Name = "Old plans" }) });
        await Expect(tile).ToBeVisibleAsync();
        await ben.Page.EvaluateAsync("() => { window.notReloaded = true; }");

        await ana.GraphQLAsync("mutation($id: ID!) { deleteBoard(id: $id) { id } }", new { id = board });

        await Expect(tile).ToHaveCountAsync(0);
        Assert.True(await ben.Page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
    }

    private static async Task<string> UserIdAsync(Person person) =>
        (await person.GraphQLAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString()!;
}
