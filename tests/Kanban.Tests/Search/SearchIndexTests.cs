using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Search;

public sealed class SearchIndexTestsOnSqlite(SqliteServer f) : SearchIndexTests(f), IClassFixture<SqliteServer>;

public sealed class SearchIndexTestsOnPostgres(PostgresServer f) : SearchIndexTests(f), IClassFixture<PostgresServer>;

/// <summary>
/// The full-text index follows every write: SQLite's by triggers, PostgreSQL's by generated
/// columns. Nothing in the server updates it by hand, so these go through the ordinary writes.
/// </summary>
public abstract class SearchIndexTests(ServerFixture fixture)
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task TheIndexFollowsTaskInsertsEditsAndDeletes()
    {
        var ana = await _server.SignUpAsync("ana");
        var todo = await ana.CreateColumnAsync(await ana.CreateBoardAsync(), "Todo");

        var id = await ana.TaskIdAsync(todo, "Alpha");
        Assert.Equal(["Alpha"], await ana.SearchAsync("alpha"));

        await ana.UpdateTaskAsync(id, title: "Bravo");
        Assert.Empty(await ana.SearchAsync("alpha"));
        Assert.Equal(["Bravo"], await ana.SearchAsync("bravo"));

        await ana.UpdateTaskAsync(id, description: "charlie notes");
        Assert.Equal(["Bravo"], await ana.SearchAsync("charlie"));
        await ana.UpdateTaskAsync(id, description: "delta notes");
        Assert.Empty(await ana.SearchAsync("charlie"));
        Assert.Equal(["Bravo"], await ana.SearchAsync("delta"));

        await ana.MoveTaskAsync(id, await ana.CreateColumnAsync((await ana.TaskAsync(id)).Str("boardId"), "Done"), 0);
        Assert.Equal(["Bravo"], await ana.SearchAsync("bravo delta")); // a move keeps it as it was

        await ana.DataAsync("mutation($id: ID!) { deleteTask(id: $id) { success } }", new { id });
        Assert.Empty(await ana.SearchAsync("bravo"));
        Assert.Empty(await ana.SearchAsync("delta"));
    }

    [Fact]
    public async Task TheIndexFollowsCommentsAddedEditedAndDeleted()
    {
        var ana = await _server.SignUpAsync("ana");
        var todo = await ana.CreateColumnAsync(await ana.CreateBoardAsync(), "Todo");
        var task = await ana.TaskIdAsync(todo, "Task with talk");

        var first = await _server.AddCommentAsync(ana, task, "echo one");
        var second = await _server.AddCommentAsync(ana, task, "foxtrot two");
        Assert.Equal(["Task with talk"], await ana.SearchAsync("echo"));
        Assert.Equal(["Task with talk"], await ana.SearchAsync("echo foxtrot"));

        await _server.EditCommentAsync(ana, first, "golf one");
        Assert.Empty(await ana.SearchAsync("echo"));
        Assert.Equal(["Task with talk"], await ana.SearchAsync("golf"));

        await _server.DeleteCommentAsync(ana, second);
        Assert.Empty(await ana.SearchAsync("foxtrot"));
        Assert.Equal(["Task with talk"], await ana.SearchAsync("golf"));

        // A title edit keeps the comments found, and the comments keep the title.
        await ana.UpdateTaskAsync(task, title: "Renamed");
        Assert.Equal(["Renamed"], await ana.SearchAsync("golf renamed"));
    }

    [Fact]
    public async Task TasksLeaveTheIndexWithTheirColumnAndTheirBoard()
    {
        var ana = await _server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var doomed = await ana.CreateColumnAsync(board, "Doomed");
        var kept = await ana.CreateColumnAsync(board, "Kept");
        await _server.AddCommentAsync(ana, await ana.TaskIdAsync(doomed, "Hotel in doomed"), "india");
        await ana.TaskIdAsync(kept, "Hotel in kept");

        await ana.DataAsync("mutation($id: ID!) { deleteColumn(id: $id) { success } }", new { id = doomed });
        Assert.Equal(["Hotel in kept"], await ana.SearchAsync("hotel"));
        Assert.Empty(await ana.SearchAsync("india"));

        // A new task after the cascade takes a fresh place in the index.
        await ana.TaskIdAsync(kept, "Juliet");
        Assert.Equal(["Juliet"], await ana.SearchAsync("juliet"));

        await ana.DataAsync("mutation($id: ID!) { deleteBoard(id: $id) { success } }", new { id = board });
        Assert.Empty(await ana.SearchAsync("hotel"));
        Assert.Empty(await ana.SearchAsync("juliet"));
    }
}
