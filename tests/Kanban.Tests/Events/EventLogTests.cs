using System.Diagnostics;
using System.Text.Json;
using Kanban.Client;
using Kanban.Tests.Support;
using Xunit.Abstractions;

namespace Kanban.Tests.Events;

public sealed class EventLogTestsOnSqlite(SqliteServer f, ITestOutputHelper o) : EventLogTests(f, o), IClassFixture<SqliteServer>;

public sealed class EventLogTestsOnPostgres(PostgresServer f, ITestOutputHelper o) : EventLogTests(f, o), IClassFixture<PostgresServer>;

public abstract class EventLogTests(ServerFixture fixture, ITestOutputHelper output)
{
    private readonly KanbanServer _server = fixture.Server;

    [Fact]
    public async Task ParallelWritersGetAGaplessSeqAndTheLogRebuildsTheBoard()
    {
        const int writers = 8, mutationsEach = 200;
        var owner = await _server.SignUpAsync("owner");
        var board = await owner.CreateBoardAsync("Busy");
        var initial = await owner.BoardAsync(board);
        // Eight clients (tabs) of the board's owner, so every logged event is one of theirs.
        var clients = Enumerable.Range(0, writers).Select(i =>
        {
            var http = _server.NewHttpClient();
            http.DefaultRequestHeaders.Authorization = owner.Http.DefaultRequestHeaders.Authorization;
            return new Api(http, owner.UserId, owner.Email) { ClientId = $"writer-{i}" };
        }).ToList();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((client, i) => WriteRandomlyAsync(client, board, mutationsEach, seed: i)));
        clock.Stop();
        output.WriteLine($"{fixture.Kind}: {writers} writers × {mutationsEach} mutations in {clock.ElapsedMilliseconds} ms " +
                         $"({writers * mutationsEach / clock.Elapsed.TotalSeconds:F0} mutations/s)");

        // Every mutation was a change: one event each, numbered 1..1600 without gaps or repeats.
        var events = await owner.EventsAsync(board);
        Assert.Equal(Enumerable.Range(1, writers * mutationsEach).Select(i => (long)i), events.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.All(clients, c => Assert.Equal(mutationsEach, events.Count(e => e.GetProperty("origin").GetString() == c.ClientId)));
        Assert.All(events, e => Assert.Equal(e.GetProperty("seq").GetInt64(), e.GetProperty("payload").GetProperty("seq").GetInt64()));

        // Replaying the log from the empty board gives exactly what the board query returns.
        var replica = BoardReplica.FromSnapshot(initial);
        foreach (var e in events)
            replica.Apply(e.GetProperty("payload"));
        Assert.Equal(BoardReplica.Canonical(await owner.BoardAsync(board)), replica.Canonical());
    }

    /// <summary>One writer's random mix over two columns of its own; each mutation is sure to change something.</summary>
    private static async Task WriteRandomlyAsync(Api api, string board, int count, int seed)
    {
        var random = new Random(seed);
        var columns = new List<string>();
        var mine = new List<(string Id, string Column)>();
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            if (columns.Count < 2)
            {
                columns.Add(await api.CreateColumnAsync(board, $"{api.ClientId} column {columns.Count}", index: random.Next(0, 8)));
            }
            else if (mine.Count == 0 || roll < 40)
            {
                var column = columns[random.Next(columns.Count)];
                var task = await api.CreateTaskAsync(column, $"{api.ClientId} task {i}", index: random.Next(0, 30));
                mine.Add((task.Str("id"), column));
            }
            else if (roll < 65)
            {
                var (id, _) = mine[random.Next(mine.Count)];
                await api.DataAsync("mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }",
                    new { i = new { id, title = $"{api.ClientId} edit {i}", description = $"edited at {i}" } });
            }
            else if (roll < 90)
            {
                var at = random.Next(mine.Count);
                var target = columns.Single(c => c != mine[at].Column);
                await api.MoveTaskAsync(mine[at].Id, target, random.Next(0, 30));
                mine[at] = (mine[at].Id, target);
            }
            else
            {
                var at = random.Next(mine.Count);
                await api.DataAsync("mutation($id: ID!) { deleteTask(id: $id) { id } }", new { id = mine[at].Id });
                mine.RemoveAt(at);
            }
        }
    }

    [Fact]
    public async Task EventsArePagedInSeqOrder()
    {
        var ana = await _server.SignUpAsync("ana");
        ana.ClientId = "tab-1";
        var board = await ana.CreateBoardAsync();
        var column = await ana.CreateColumnAsync(board, "Todo");
        for (var i = 0; i < 9; i++)
            await ana.CreateTaskAsync(column, $"t{i}");

        var page = (await ana.DataAsync("query($b: ID!) { boardEvents(boardId: $b, afterSeq: 3, first: 4) { hasMore resetRequired events { seq type origin at actor { id name } payload } } }",
            new { b = board })).GetProperty("boardEvents");
        Assert.True(page.GetProperty("hasMore").GetBoolean());
        var events = page.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([4L, 5, 6, 7], events.Select(e => e.GetProperty("seq").GetInt64()));
        var first = events[0];
        Assert.Equal("task:created", first.Str("type"));
        Assert.Equal("tab-1", first.Str("origin"));
        Assert.Equal(ana.UserId, first.GetProperty("actor").Str("id"));
        var payload = first.GetProperty("payload");
        Assert.Equal(board, payload.Str("boardId"));
        Assert.Equal("t2", payload.GetProperty("task").Str("title"));
        Assert.Equal("tab-1", payload.Str("origin"));
        Assert.Equal(ana.UserId, payload.GetProperty("actor").Str("id"));

        var last = (await ana.DataAsync("query($b: ID!) { boardEvents(boardId: $b, afterSeq: 8) { hasMore events { seq } } }", new { b = board }))
            .GetProperty("boardEvents");
        Assert.False(last.GetProperty("hasMore").GetBoolean());
        Assert.Equal([9L, 10], last.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task NonMembersCannotReadTheLog()
    {
        var ana = await _server.SignUpAsync("ana");
        var sam = await _server.SignUpAsync("sam");
        var board = await ana.CreateBoardAsync();
        var result = await sam.FailAsync("query($b: ID!) { boardEvents(boardId: $b, afterSeq: 0) { hasMore } }", new { b = board });
        Assert.Equal("FORBIDDEN", result.Code);
    }
}

/// <summary>EVENT_RETENTION keeps the latest N events; older positions must reset.</summary>
public sealed class RetentionTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task AnAfterSeqOlderThanTheWindowRequiresAReset(DatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = new KanbanServer(db, new Dictionary<string, string?> { ["EVENT_RETENTION"] = "10" });
        var ana = await server.SignUpAsync("ana");
        var board = await ana.CreateBoardAsync();
        var column = await ana.CreateColumnAsync(board, "Todo");
        var batch = string.Join(" ", Enumerable.Range(0, 139).Select(i => $"t{i}: createTask(input: {{ columnId: $c, title: \"t{i}\" }}) {{ id }}"));
        await ana.DataAsync($"mutation($c: ID!) {{ {batch} }}", new { c = column }); // seq is now 140

        const string page = "query($b: ID!, $a: Long!) { boardEvents(boardId: $b, afterSeq: $a) { resetRequired hasMore events { seq } } }";
        async Task<JsonElement> After(long seq) => (await ana.DataAsync(page, new { b = board, a = seq })).GetProperty("boardEvents");

        var inside = await After(130);
        Assert.False(inside.GetProperty("resetRequired").GetBoolean());
        Assert.Equal(Enumerable.Range(131, 10).Select(i => (long)i), inside.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));

        var outside = await After(129);
        Assert.True(outside.GetProperty("resetRequired").GetBoolean());
        Assert.Empty(outside.GetProperty("events").EnumerateArray());
        Assert.True((await After(141)).GetProperty("resetRequired").GetBoolean()); // ahead of the board: another timeline
        Assert.False((await After(140)).GetProperty("resetRequired").GetBoolean());

        // JoinBoard draws the same line: events inside the window, a snapshot beyond it.
        await using var connection = await server.ConnectAsync(ana);
        var inWindow = await connection.JoinAsync(board, 130);
        Assert.Equal(10, inWindow.GetProperty("events").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, inWindow.GetProperty("snapshot").ValueKind);
        var tooOld = await connection.JoinAsync(board, 129);
        Assert.Empty(tooOld.GetProperty("events").EnumerateArray());
        Assert.Equal(140, tooOld.GetProperty("snapshot").GetProperty("seq").GetInt64());
        Assert.Equal(140, tooOld.GetProperty("seq").GetInt64());
    }
}
