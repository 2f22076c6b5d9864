using Kanban.Tests.Support;

namespace Kanban.Tests.Search;

public sealed class SearchTestsOnSqlite(SqliteServer f) : SearchTests(f), IClassFixture<SqliteServer>;

public sealed class SearchTestsOnPostgres(PostgresServer f) : SearchTests(f), IClassFixture<PostgresServer>;

/// <summary>searchTasks on each database's own full-text engine, through the real server.</summary>
public abstract class SearchTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    private async Task<(Api ana, string board, string todo)> BoardAsync(string name = "ana")
    {
        var ana = await _server.SignUpAsync(name);
        var board = await ana.CreateBoardAsync();
        return (ana, board, await ana.CreateColumnAsync(board, "Todo"));
    }

    [Fact]
    public async Task FindsAWordThatIsOnlyInAComment()
    {
        var (ana, _, todo) = await BoardAsync();
        var task = await ana.TaskIdAsync(todo, "Release notes", "for the spring release");
        await ana.TaskIdAsync(todo, "Unrelated");
        await _server.AddCommentAsync(ana, task, "Remember the **changelog** link");

        Assert.Equal(["Release notes"], await ana.SearchAsync("changelog"));
    }

    [Fact]
    public async Task TitleRanksAboveDescriptionAboveComment()
    {
        var (ana, _, todo) = await BoardAsync();
        var inComment = await ana.TaskIdAsync(todo, "First task", "nothing here");
        await _server.AddCommentAsync(ana, inComment, "the invoice is late");
        await ana.TaskIdAsync(todo, "Second task", "send the invoice to finance");
        await ana.TaskIdAsync(todo, "Invoice for March");

        Assert.Equal(["Invoice for March", "Second task", "First task"], await ana.SearchAsync("invoice"));
    }

    [Fact]
    public async Task AnyLetterCaseMatches()
    {
        var (ana, _, todo) = await BoardAsync();
        await ana.TaskIdAsync(todo, "DePloY the API");

        Assert.Equal(["DePloY the API"], await ana.SearchAsync("deploy api"));
        Assert.Equal(["DePloY the API"], await ana.SearchAsync("DEPLOY"));
    }

    [Fact]
    public async Task EveryWordMustAppearSomewhereInTheTask()
    {
        var (ana, _, todo) = await BoardAsync();
        var task = await ana.TaskIdAsync(todo, "Rotate keys", "on the staging cluster");
        await _server.AddCommentAsync(ana, task, "ask the security team first");

        Assert.Equal(["Rotate keys"], await ana.SearchAsync("rotate staging security"));
        Assert.Empty(await ana.SearchAsync("rotate production"));
    }

    [Fact]
    public async Task TheLastWordAlsoMatchesAsAPrefix()
    {
        var (ana, _, todo) = await BoardAsync();
        await ana.TaskIdAsync(todo, "Fix the login page");

        Assert.Equal(["Fix the login page"], await ana.SearchAsync("fix log"));
        Assert.Empty(await ana.SearchAsync("fi login")); // only the last word is a prefix
    }

    [Fact]
    public async Task NeverReturnsATaskOfABoardTheCallerIsNotAMemberOf()
    {
        var (ana, anaBoard, anaTodo) = await BoardAsync("ana");
        var (ben, benBoard, benTodo) = await BoardAsync("ben");
        await ana.TaskIdAsync(anaTodo, "Quarterly report by ana");
        var bens = await ben.TaskIdAsync(benTodo, "Quarterly report by ben");
        await _server.AddCommentAsync(ben, bens, "quarterly numbers");
        var secondBoard = await ana.CreateBoardAsync("Second");
        await ana.TaskIdAsync(await ana.CreateColumnAsync(secondBoard, "Todo"), "Quarterly plan");

        Assert.Equal(["Quarterly plan", "Quarterly report by ana"], (await ana.SearchAsync("quarterly")).Order());
        Assert.Equal(["Quarterly report by ana"], await ana.SearchAsync("quarterly", anaBoard));
        // Another's board answers as one that does not exist: nothing, and no error to tell them apart.
        Assert.Empty(await ana.SearchAsync("quarterly", benBoard));
        Assert.Empty(await ana.SearchAsync("quarterly", Guid.NewGuid().ToString()));
        Assert.Empty(await ana.SearchAsync("ben"));
    }

    [Fact]
    public async Task AMemberAddedLaterFindsTheBoardsTasksAndARemovedOneNoLonger()
    {
        var (ana, board, todo) = await BoardAsync();
        var ben = await _server.SignUpAsync("ben");
        await ana.TaskIdAsync(todo, "Shared budget");
        Assert.Empty(await ben.SearchAsync("budget"));

        await ana.AddMemberAsync(board, ben, "VIEWER");
        Assert.Equal(["Shared budget"], await ben.SearchAsync("budget"));

        await ana.DataAsync("mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { success } }", new { b = board, u = ben.UserId });
        Assert.Empty(await ben.SearchAsync("budget"));
    }

    [Fact]
    public async Task RespectsFirstAndItsBounds()
    {
        var (ana, _, todo) = await BoardAsync();
        for (var i = 0; i < 4; i++)
            await ana.TaskIdAsync(todo, $"Chore {i}");

        Assert.Equal(4, (await ana.SearchAsync("chore")).Length);
        Assert.Equal(2, (await ana.SearchAsync("chore", first: 2)).Length);
        foreach (var first in new[] { 0, -1, 101 })
        {
            var result = await ana.FailAsync(TaskQueries.Search, new { t = "chore", f = first });
            Assert.Equal(("VALIDATION", "first"), (result.Code, result.Field));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyTextIsAValidationErrorNamingText(string text)
    {
        var ana = await _server.SignUpAsync("ana");
        var result = await ana.FailAsync(TaskQueries.Search, new { t = text });
        Assert.Equal(("VALIDATION", "text"), (result.Code, result.Field));
    }

    [Fact]
    public async Task TextLongerThan200CharactersIsAValidationErrorNamingText()
    {
        var ana = await _server.SignUpAsync("ana");
        Assert.Empty(await ana.SearchAsync(new string('a', 200)));
        var result = await ana.FailAsync(TaskQueries.Search, new { t = new string('a', 201) });
        Assert.Equal(("VALIDATION", "text"), (result.Code, result.Field));
    }

    [Fact]
    public async Task AMalformedBoardIdIsAValidationErrorNamingBoardId()
    {
        var ana = await _server.SignUpAsync("ana");
        var result = await ana.FailAsync(TaskQueries.Search, new { t = "plan", b = "board-1" });
        Assert.Equal(("VALIDATION", "boardId"), (result.Code, result.Field));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("'")]
    [InlineData("OR")]
    [InlineData("NEAR(")]
    [InlineData("\u0301")] // a lone combining accent
    [InlineData("' OR 1=1 --")]
    [InlineData("a & b | !c <-> d:*")]
    [InlineData("{Title}: x AND y NOT z ^w")]
    public async Task OddInputIsSafeAndNoError(string text)
    {
        var (ana, _, todo) = await BoardAsync();
        await ana.TaskIdAsync(todo, "Plain task");

        var result = await ana.SendAsync(TaskQueries.Search, new { t = text });
        Assert.Empty(result.Errors);
        Assert.Empty(result.Data.GetProperty("searchTasks").EnumerateArray());
    }

    [Theory]
    [InlineData("\"deploy")]
    [InlineData("deploy*")]
    [InlineData("NEAR(deploy, 3)")]
    [InlineData("deploy OR")]
    [InlineData("-deploy")]
    [InlineData("title:deploy")]
    [InlineData("'deploy'")]
    public async Task SyntaxAroundAWordIsIgnoredAndTheWordsFound(string text)
    {
        var (ana, _, todo) = await BoardAsync();
        await ana.TaskIdAsync(todo, "Deploy or near: 3 title");
        await ana.TaskIdAsync(todo, "Other");

        Assert.Equal(["Deploy or near: 3 title"], await ana.SearchAsync(text));
    }
}
