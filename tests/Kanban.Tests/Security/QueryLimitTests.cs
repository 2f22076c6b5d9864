using System.Text;
using Kanban.Client;
using Kanban.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Kanban.Tests.Security;

/// <summary>What one request may cost: mutations counted however they are written, queries by what they can return.</summary>
public sealed class QueryLimitTests
{
    private static string ManyCreates(string columnId, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"t{i}: createTask(input: {{ columnId: \"{columnId}\", title: \"t{i}\" }}) {{ id }}\n"));

    [Theory]
    [InlineData("mutation {{ ...Many }} fragment Many on Mutation {{ {0} }}")]
    [InlineData("mutation {{ ... on Mutation {{ {0} }} }}")]
    [InlineData("mutation {{ ... {{ ...Many }} }} fragment Many on Mutation {{ ... on Mutation {{ {0} }} }}")]
    public async Task MutationsInsideFragmentsCountAgainstTheRateLimit(string shape)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db, new Dictionary<string, string?>
        {
            ["RATE_LIMIT_PER_SECOND"] = "100",
            ["RATE_LIMIT_BURST"] = "200",
        });
        var ana = await server.SignUpAsync();
        var board = await ana.CreateBoardAsync();
        var column = await ana.CreateColumnAsync(board, "Todo");

        var result = await ana.SendAsync(string.Format(shape, ManyCreates(column, 300)));

        Assert.Equal("RATE_LIMITED", result.Code);
        Assert.Equal(429, result.Status);
        Assert.Empty(await ana.TitlesAsync(board, column));
    }

    [Fact]
    public async Task ADeepQueryIsAValidationErrorAndBarelyTouchesTheLog()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        var ana = await server.SignUpAsync();
        var deep = "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 60)) + "{ name }"
            + new string('}', 60) + " } } } }";
        var before = server.Log.Length;

        for (var i = 0; i < 5; i++)
        {
            var refused = await new Api(server.NewHttpClient(), "", "").FailAsync(deep); // anonymous, as probed
            Assert.Equal("VALIDATION", refused.Code);
            Assert.Equal("VALIDATION", (await ana.FailAsync(deep)).Code);
        }

        var grown = server.Log.Length - before;
        Assert.True(grown < 4_096, $"the log grew by {grown} characters:\n{server.Log.Text()}");
        Assert.DoesNotContain(server.Log.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task ManyLargePagesOfEventsInOneRequestAreTooCostly()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db);
        var ana = await server.SignUpAsync();
        var board = await ana.CreateBoardAsync();
        var page = "events { payload }"; // the payload is the bulk of an event: one field, many bytes
        var aliases = new StringBuilder();
        for (var i = 0; i < 66; i++)
            aliases.Append($"e{i}: boardEvents(boardId: \"{board}\", afterSeq: 0, first: 1000) {{ {page} }}\n");

        var refused = await ana.FailAsync("{ " + aliases + " }");
        Assert.Equal("VALIDATION", refused.Code);
        Assert.Contains("complexity", refused.Errors[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(System.Text.Json.JsonValueKind.Undefined, refused.Data.ValueKind); // refused before it ran

        // What clients really ask for still passes: a full page of events, and a whole board.
        await ana.DataAsync($"{{ boardEvents(boardId: \"{board}\", afterSeq: 0, first: 1000) {{ events {{ seq type payload actor {{ id name }} origin at }} hasMore }} }}");
        await ana.BoardAsync(board);
    }

    [Fact]
    public async Task AnAnswerOverTheResponseBoundIsRefusedWithAClearError()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db, new Dictionary<string, string?> { ["GRAPHQL_MAX_RESPONSE_BYTES"] = "20000" });
        var ana = await server.SignUpAsync();
        var board = await ana.CreateBoardAsync();
        var column = await ana.CreateColumnAsync(board, "Todo");
        for (var i = 0; i < 3; i++)
            await ana.DataAsync("mutation($c: ID!, $d: String) { createTask(input: { columnId: $c, title: \"big\", description: $d }) { id } }",
                new { c = column, d = new string('x', 10_000) });

        var refused = await ana.FailAsync(BoardApi.BoardQuery, new { id = board });

        Assert.Equal("VALIDATION", refused.Code);
        Assert.Contains("ask for less", refused.Errors[0].GetProperty("message").GetString());
        Assert.Equal(3, (await ana.DataAsync($"{{ board(id: \"{board}\") {{ columns {{ tasks {{ id }} }} }} }}"))
            .GetProperty("board").GetProperty("columns")[0].GetProperty("tasks").GetArrayLength());
    }
}
