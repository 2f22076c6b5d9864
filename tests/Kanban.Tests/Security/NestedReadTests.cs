using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Security;

public sealed class NestedReadTestsOnSqlite(SqliteServer f) : NestedReadTests(f), IClassFixture<SqliteServer>;

public sealed class NestedReadTestsOnPostgres(PostgresServer f) : NestedReadTests(f), IClassFixture<PostgresServer>;

/// <summary>
/// Reads that open a snapshot inside one request, many times over: every board's nested lists,
/// several boards in one request, and boards read back by the mutation that made them.
/// </summary>
public abstract class NestedReadTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task EveryBoardInTheListAnswersItsColumns()
    {
        var ana = await _server.SignUpAsync("ana");
        foreach (var name in new[] { "A", "B", "C" })
            await ana.CreateColumnAsync(await ana.CreateBoardAsync(name), "Todo");

        var boards = (await ana.DataAsync("{ boards { name columns { id name } } }")).GetProperty("boards").EnumerateArray().ToList();

        Assert.Equal(["A", "B", "C"], boards.Select(b => b.Str("name")));
        Assert.All(boards, b => Assert.Equal("Todo", b.GetProperty("columns").EnumerateArray().Single().Str("name")));
    }

    [Fact]
    public async Task TwoBoardsReadInOneRequestBothAnswer()
    {
        var ana = await _server.SignUpAsync("ana");
        var first = await ana.CreateBoardAsync("First");
        var second = await ana.CreateBoardAsync("Second");

        var data = await ana.DataAsync("query($a: ID!, $b: ID!) { a: board(id: $a) { name columns { id } } b: board(id: $b) { name columns { id } } }",
            new { a = first, b = second });

        Assert.Equal("First", data.GetProperty("a").Str("name"));
        Assert.Equal("Second", data.GetProperty("b").Str("name"));
    }

    [Fact]
    public async Task AMutationMakingTwoBoardsAnswersBoth()
    {
        var ana = await _server.SignUpAsync("ana");

        var data = await ana.DataAsync("""
            mutation {
              a: createBoard(input: { name: "One" }) { id name columns { id } }
              b: createBoard(input: { name: "Two" }) { id name columns { id } }
            }
            """);

        Assert.Equal("One", data.GetProperty("a").Str("name"));
        Assert.Equal("Two", data.GetProperty("b").Str("name"));
        Assert.Empty(data.GetProperty("b").GetProperty("columns").EnumerateArray());
        var names = (await ana.DataAsync("{ boards { name } }")).GetProperty("boards").EnumerateArray().Select(b => b.Str("name"));
        Assert.Equal(["One", "Two"], names);
    }

    [Fact]
    public async Task AMultiFieldMutationNamesTheFieldThatFailedAndKeepsTheOneThatDidNot()
    {
        var ana = await _server.SignUpAsync("ana");

        // Mutation fields are non-null (the contract), so one failure nulls data as GraphQL
        // requires; the errors name the failed field, and every field without one took effect.
        var result = await ana.SendAsync("""
            mutation {
              a: createBoard(input: { name: "Kept" }) { id name columns { id } }
              b: createBoard(input: { name: "" }) { id }
            }
            """);

        var error = result.Errors.Single();
        Assert.Equal("VALIDATION", result.Code);
        Assert.Equal("b", error.GetProperty("path")[0].GetString());
        var names = (await ana.DataAsync("{ boards { name } }")).GetProperty("boards").EnumerateArray().Select(b => b.Str("name"));
        Assert.Equal(["Kept"], names);
    }
}
