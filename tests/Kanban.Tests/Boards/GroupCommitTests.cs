using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Boards;

/// <summary>
/// SQLite's group commit: changes that queue at the write gate commit together, yet each stays
/// all or nothing, a refused or failed one takes no other with it, and every member sees the
/// events in seq order with no gap.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task ChangesQueuedTogetherCommitTogetherAndARefusedOneTakesNoOtherWithIt()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db);
        using var groups = new ServerMeasurements<int>(server, "kanban.commit.group_size");
        var ana = await server.SignUpAsync("ana");
        var vic = await server.SignUpAsync("vic");
        var board = await ana.CreateBoardAsync();
        await ana.AddMemberAsync(board, vic, "VIEWER");
        var todo = await ana.CreateColumnAsync(board, "Todo");
        var done = await ana.CreateColumnAsync(board, "Done");
        var tasks = new List<string>();
        for (var i = 0; i < 8; i++)
            tasks.Add((await ana.CreateTaskAsync(todo, $"Task {i}")).Str("id"));
        await using var watch = await BoardWatch.StartAsync(server, vic, board);
        var before = watch.Seq;

        // Rounds of moves at once, each with refusals among them: a viewer's move and a stale edit.
        var moved = 0;
        for (var round = 0; round < 10; round++)
        {
            var to = round % 2 == 0 ? done : todo;
            var moves = tasks.Select(t => ana.MoveTaskAsync(t, to, null)).ToList();
            var refused = vic.FailAsync("mutation($i: MoveTaskInput!) { moveTask(input: $i) { id } }",
                new { i = new { id = tasks[0], columnId = to } });
            var stale = ana.FailAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }",
                new { i = new { id = tasks[1], title = $"Stale {round}", expectedVersion = 1000 } });
            await Task.WhenAll(moves);
            Assert.Equal("FORBIDDEN", (await refused).Code);
            Assert.Equal("CONFLICT", (await stale).Code);
            moved += moves.Count;
        }

        // Every move stands and was told once, in order, with no gap; nothing of the refusals did.
        for (var i = 0; i < moved; i++)
            await watch.NextAsync("task:moved");
        var events = await ana.EventsAsync(board, before);
        Assert.Equal(Enumerable.Range(1, moved).Select(n => before + n), events.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.All(events, e => Assert.Equal("task:moved", e.Str("type")));
        Assert.Equal(before + moved, await ana.SeqAsync(board));
        Assert.Equal(tasks.Count, (await ana.TitlesAsync(board, todo)).Length);
        Assert.DoesNotContain(await ana.TitlesAsync(board, todo), t => t.StartsWith("Stale", StringComparison.Ordinal));

        // And the moves of a round did share transactions.
        Assert.Contains(groups.Recorded, size => size > 1);
    }
}
