using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Boards;

/// <summary>Bad input of every kind the contract bounds: a VALIDATION error naming the field, and nothing changed.</summary>
public sealed class ValidationTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private readonly KanbanServer _server = fixture.Server;

    private async Task<(Api ana, string board, string column)> BoardAsync()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        return (ana, board, await ana.CreateColumnAsync(board, "Todo"));
    }

    private static async Task AssertValidationAsync(Api api, string field, string query, object variables)
    {
        var result = await api.FailAsync(query, variables);
        Assert.Equal("VALIDATION", result.Code);
        Assert.Equal(field, result.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(201)]
    public async Task NamesAndTitlesAreOneToTwoHundredCharactersAfterTrimming(object bad)
    {
        var (ana, board, column) = await BoardAsync();
        var value = bad is int n ? new string('x', n) : (string)bad;
        await AssertValidationAsync(ana, "name", "mutation($n: String!) { createBoard(input: { name: $n }) { id } }", new { n = value });
        await AssertValidationAsync(ana, "name", "mutation($b: ID!, $n: String!) { createColumn(input: { boardId: $b, name: $n }) { id } }", new { b = board, n = value });
        await AssertValidationAsync(ana, "title", "mutation($c: ID!, $t: String!) { createTask(input: { columnId: $c, title: $t }) { id } }", new { c = column, t = value });
        Assert.Empty(await ana.TitlesAsync(board, column));
    }

    [Fact]
    public async Task TwoHundredCharactersAndTwentyThousandCharacterDescriptionsAreAccepted()
    {
        var (ana, board, column) = await BoardAsync();
        var title = new string('é', 200);
        await ana.DataAsync("mutation($c: ID!, $t: String!, $d: String) { createTask(input: { columnId: $c, title: $t, description: $d }) { id } }",
            new { c = column, t = title, d = new string('d', 20_000) });
        Assert.Equal([title], await ana.TitlesAsync(board, column));
    }

    [Fact]
    public async Task ADescriptionOverTwentyThousandCharactersIsRefused()
    {
        var (ana, _, column) = await BoardAsync();
        await AssertValidationAsync(ana, "description",
            "mutation($c: ID!, $d: String) { createTask(input: { columnId: $c, title: \"t\", description: $d }) { id } }",
            new { c = column, d = new string('d', 20_001) });
    }

    [Fact]
    public async Task NegativeIndexesAreRefused()
    {
        var (ana, board, column) = await BoardAsync();
        var task = await ana.CreateTaskAsync(column, "a");
        await AssertValidationAsync(ana, "index", "mutation($c: ID!) { createTask(input: { columnId: $c, title: \"t\", index: -1 }) { id } }", new { c = column });
        await AssertValidationAsync(ana, "index", "mutation($b: ID!) { createColumn(input: { boardId: $b, name: \"n\", index: -1 }) { id } }", new { b = board });
        await AssertValidationAsync(ana, "index", "mutation($id: ID!, $c: ID!) { moveTask(input: { id: $id, columnId: $c, index: -1 }) { id } }", new { id = task.Str("id"), c = column });
        await AssertValidationAsync(ana, "index", "mutation($id: ID!) { moveColumn(input: { id: $id, index: -1 }) { id } }", new { id = column });
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("12345")]
    [InlineData("")]
    public async Task IdsMustBeUuids(string bad)
    {
        var (ana, board, column) = await BoardAsync();
        await AssertValidationAsync(ana, "id", "mutation($id: ID) { createBoard(input: { id: $id, name: \"n\" }) { id } }", new { id = bad });
        await AssertValidationAsync(ana, "columnId", "mutation($c: ID!) { createTask(input: { columnId: $c, title: \"t\" }) { id } }", new { c = bad });
        await AssertValidationAsync(ana, "id", "mutation($c: ID!, $id: ID) { createTask(input: { id: $id, columnId: $c, title: \"t\" }) { id } }", new { c = column, id = bad });
        await AssertValidationAsync(ana, "id", "mutation($id: ID!) { deleteTask(id: $id) { id } }", new { id = bad });
        await AssertValidationAsync(ana, "id", "query($id: ID!) { board(id: $id) { id } }", new { id = bad });
        await AssertValidationAsync(ana, "userId", "mutation($b: ID!, $u: ID!) { removeMember(boardId: $b, userId: $u) { id } }", new { b = board, u = bad });
    }

    [Fact]
    public async Task WrongTypesAndUnknownFieldsAreRefusedBeforeAnythingRuns()
    {
        var (ana, board, column) = await BoardAsync();
        var wrongType = await ana.FailAsync("mutation($c: ID!) { createTask(input: { columnId: $c, title: 42 }) { id } }", new { c = column });
        Assert.Equal("VALIDATION", wrongType.Code);
        var wrongVariable = await ana.FailAsync("mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }",
            new { i = new { columnId = column, title = "t", index = "first" } });
        Assert.Equal("VALIDATION", wrongVariable.Code);
        var unknownField = await ana.FailAsync("mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }",
            new { i = new { columnId = column, title = "t", priority = 1 } });
        Assert.Equal("VALIDATION", unknownField.Code);
        var unknownSelection = await ana.FailAsync("{ me { id password } }");
        Assert.Equal("VALIDATION", unknownSelection.Code);
        Assert.Empty(await ana.TitlesAsync(board, column));
    }

    [Fact]
    public async Task BoardEventsFirstIsOneToOneThousand()
    {
        var (ana, board, _) = await BoardAsync();
        const string page = "query($b: ID!, $f: Int) { boardEvents(boardId: $b, afterSeq: 0, first: $f) { hasMore } }";
        await AssertValidationAsync(ana, "first", page, new { b = board, f = 0 });
        await AssertValidationAsync(ana, "first", page, new { b = board, f = 1001 });
        await AssertValidationAsync(ana, "afterSeq", "query($b: ID!) { boardEvents(boardId: $b, afterSeq: -1) { hasMore } }", new { b = board });
        await ana.DataAsync(page, new { b = board, f = 1000 });
    }

    [Fact]
    public async Task MissingItemsAreNotFound()
    {
        var (ana, _, _) = await BoardAsync();
        var nowhere = Guid.CreateVersion7().ToString();
        Assert.Equal("NOT_FOUND", (await ana.FailAsync("mutation($c: ID!) { createTask(input: { columnId: $c, title: \"t\" }) { id } }", new { c = nowhere })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync("mutation($id: ID!) { deleteColumn(id: $id) { id } }", new { id = nowhere })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync("mutation($id: ID!) { renameBoard(id: $id, name: \"x\") { id } }", new { id = nowhere })).Code);
        Assert.Equal("NOT_FOUND", (await ana.FailAsync("query($b: ID!) { boardEvents(boardId: $b, afterSeq: 0) { hasMore } }", new { b = nowhere })).Code);
    }

    [Fact]
    public async Task AFailedMutationInABatchChangesNothingOfItsOwn()
    {
        var (ana, board, column) = await BoardAsync();
        var result = await ana.SendAsync("mutation($c: ID!) { ok: createTask(input: { columnId: $c, title: \"kept\" }) { id } bad: createTask(input: { columnId: $c, title: \"\" }) { id } }",
            new { c = column });
        Assert.Equal("VALIDATION", result.Code);
        Assert.Equal(["kept"], await ana.TitlesAsync(board, column));
        Assert.Equal(2, (await ana.BoardAsync(board)).GetProperty("seq").GetInt64()); // column:created, task:created
    }
}
