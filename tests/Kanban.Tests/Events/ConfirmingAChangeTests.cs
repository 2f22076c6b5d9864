using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Events;

public sealed class ConfirmingAChangeTestsOnSqlite(SqliteServer f) : ConfirmingAChangeTests(f), IClassFixture<SqliteServer>;

public sealed class ConfirmingAChangeTestsOnPostgres(PostgresServer f) : ConfirmingAChangeTests(f), IClassFixture<PostgresServer>;

/// <summary>
/// A mutation's answer carries <c>extensions.seq</c>, the seq of the last event it logged, so a
/// client knows its change is in the board it holds exactly when the board's seq reaches it.
/// </summary>
public abstract class ConfirmingAChangeTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task AMutationAnswersTheSeqOfTheLastEventItLogged()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var column = await ana.CreateColumnAsync(board, "Todo");

        var created = await ana.SendAsync("mutation($c: ID!) { createTask(input: { columnId: $c, title: \"One\" }) { id } }", new { c = column });
        var seq = (await ana.BoardAsync(board)).GetProperty("seq").GetInt64();
        Assert.Equal(seq, created.Seq);

        // Two changes in one request: the answer names the later one.
        var both = await ana.SendAsync("""
            mutation($c: ID!) { a: createTask(input: { columnId: $c, title: "Two" }) { id }
                                b: createTask(input: { columnId: $c, title: "Three" }) { id } }
            """, new { c = column });
        Assert.Equal(seq + 2, both.Seq);
        Assert.Equal(seq + 2, (await ana.BoardAsync(board)).GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task AMutationThatChangesNothingOrFailsAnswersNoSeq()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var column = await ana.CreateColumnAsync(board, "Todo");
        var task = (await ana.CreateTaskAsync(column, "Same")).Str("id");

        var unchanged = await ana.SendAsync("mutation($t: ID!) { updateTask(input: { id: $t, title: \"Same\" }) { id } }", new { t = task });
        Assert.Empty(unchanged.Errors);
        Assert.Null(unchanged.Seq);

        var failed = await ana.SendAsync("mutation($t: ID!) { updateTask(input: { id: $t, title: \"\" }) { id } }", new { t = task });
        Assert.Equal("VALIDATION", failed.Code);
        Assert.Null(failed.Seq);

        var query = await ana.SendAsync("query($b: ID!) { board(id: $b) { seq } }", new { b = board });
        Assert.Null(query.Seq);
    }
}
