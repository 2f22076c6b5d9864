using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Boards;

public sealed class ColumnTestsOnSqlite(SqliteServer f) : ColumnTests(f), IClassFixture<SqliteServer>;

public sealed class ColumnTestsOnPostgres(PostgresServer f) : ColumnTests(f), IClassFixture<PostgresServer>;

public abstract class ColumnTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    private static async Task<string[]> ColumnNamesAsync(Api api, string board) =>
        (await api.BoardAsync(board)).GetProperty("columns").EnumerateArray().Select(c => c.Str("name")).ToArray();

    [Fact]
    public async Task ColumnsAreCreatedAtTheirIndexAndListedInRankOrder()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        await ana.CreateColumnAsync(board, "Doing");
        await ana.CreateColumnAsync(board, "Todo", index: 0);
        await ana.CreateColumnAsync(board, "Done");
        Assert.Equal(["Todo", "Doing", "Done"], await ColumnNamesAsync(ana, board));

        var created = (await ana.DataAsync("mutation($b: ID!) { createColumn(input: { boardId: $b, name: \"Review\", index: 2 }) { id boardId name rank tasks { id } } }",
            new { b = board })).GetProperty("createColumn");
        Assert.Equal(board, created.Str("boardId"));
        Assert.Equal(0, created.GetProperty("tasks").GetArrayLength());
        Assert.Equal(["Todo", "Doing", "Review", "Done"], await ColumnNamesAsync(ana, board));
    }

    [Fact]
    public async Task RenamingAndMovingAColumn()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        await ana.CreateColumnAsync(board, "Doing");
        await ana.CreateColumnAsync(board, "Done");

        var renamed = (await ana.DataAsync("mutation($id: ID!) { updateColumn(input: { id: $id, name: \" Backlog \" }) { name } }", new { id = todo }))
            .GetProperty("updateColumn");
        Assert.Equal("Backlog", renamed.Str("name"));

        await ana.DataAsync("mutation($id: ID!) { moveColumn(input: { id: $id, index: 2 }) { rank } }", new { id = todo });
        Assert.Equal(["Doing", "Done", "Backlog"], await ColumnNamesAsync(ana, board));

        var seq = (await ana.BoardAsync(board)).GetProperty("seq").GetInt64();
        await ana.DataAsync("mutation($id: ID!) { moveColumn(input: { id: $id, index: 2 }) { rank } }", new { id = todo });
        await ana.DataAsync("mutation($id: ID!) { updateColumn(input: { id: $id, name: \"Backlog\" }) { name } }", new { id = todo });
        Assert.Equal(seq, (await ana.BoardAsync(board)).GetProperty("seq").GetInt64()); // neither was a change
    }

    [Fact]
    public async Task DeletingAColumnDeletesItsTasksInOneEvent()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var done = await ana.CreateColumnAsync(board, "Done");
        var task = await ana.CreateTaskAsync(todo, "a");
        await ana.CreateTaskAsync(todo, "b");
        await ana.CreateTaskAsync(done, "c");
        var seq = (await ana.BoardAsync(board)).GetProperty("seq").GetInt64();

        await ana.DataAsync("mutation($id: ID!) { deleteColumn(id: $id) { id success } }", new { id = todo });
        var after = await ana.BoardAsync(board);
        Assert.Equal(seq + 1, after.GetProperty("seq").GetInt64());
        Assert.Equal(["Done"], after.GetProperty("columns").EnumerateArray().Select(c => c.Str("name")));
        var last = (await ana.EventsAsync(board, seq)).Single();
        Assert.Equal("column:deleted", last.Str("type"));

        // The deleted task's ID is retired with it.
        var reuse = await ana.FailAsync("mutation($c: ID!, $id: ID) { createTask(input: { id: $id, columnId: $c, title: \"x\" }) { id } }",
            new { c = done, id = task.Str("id") });
        Assert.Equal("CONFLICT", reuse.Code);
    }

    [Fact]
    public async Task ViewersCannotChangeColumns()
    {
        var ana = await _server.SignUpAsync("ana");
        var vic = await _server.SignUpAsync("vic");
        var board = await ana.CreateBoardAsync();
        var todo = await ana.CreateColumnAsync(board, "Todo");
        await ana.AddMemberAsync(board, vic, "VIEWER");

        Assert.Equal("FORBIDDEN", (await vic.FailAsync("mutation($b: ID!) { createColumn(input: { boardId: $b, name: \"x\" }) { id } }", new { b = board })).Code);
        Assert.Equal("FORBIDDEN", (await vic.FailAsync("mutation($id: ID!) { updateColumn(input: { id: $id, name: \"x\" }) { id } }", new { id = todo })).Code);
        Assert.Equal("FORBIDDEN", (await vic.FailAsync("mutation($id: ID!) { moveColumn(input: { id: $id, index: 0 }) { id } }", new { id = todo })).Code);
        Assert.Equal("FORBIDDEN", (await vic.FailAsync("mutation($id: ID!) { deleteColumn(id: $id) { id } }", new { id = todo })).Code);
        Assert.Equal(["Todo"], await ColumnNamesAsync(ana, board));
    }

    [Fact]
    public async Task ABoardHoldsAtMostOneHundredColumns()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var batch = string.Join(" ", Enumerable.Range(0, 100).Select(i => $"c{i}: createColumn(input: {{ boardId: $b, name: \"C{i}\" }}) {{ id }}"));
        await ana.DataAsync($"mutation($b: ID!) {{ {batch} }}", new { b = board });

        var full = await ana.FailAsync("mutation($b: ID!) { createColumn(input: { boardId: $b, name: \"one too many\" }) { id } }", new { b = board });
        Assert.Equal("VALIDATION", full.Code);
        Assert.Equal(100, (await ana.BoardAsync(board)).GetProperty("columns").GetArrayLength());
    }
}
