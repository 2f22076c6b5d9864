using Kanban.Server.Auth;
using Kanban.Server.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Caching.Memory;

namespace Kanban.Server.Boards;

/// <summary>The board, the caller's role on it (null: no member) and the caller's name fields.</summary>
public sealed record BoardAndCaller(Board Board, BoardRole? Role, string? DisplayName, string? Email);

/// <summary>A column's name and a count of tasks in it.</summary>
public sealed record NamedCount(string Name, int Count);

/// <summary>A task with its creator's name fields.</summary>
public sealed record TaskAndCreator(BoardTask Task, string? DisplayName, string? Email);

/// <summary>
/// The reads of the busiest mutations (every write, and moving and editing tasks). One set per
/// service provider (a singleton): the entities' columns come from its model.
/// </summary>
public sealed class WriteQueries(WriteConnection commands) : IDisposable
{
    // These are plain SQL rather than EF Core queries: each run of an EF Core query (compiled or
    // not) creates delegates for the nested lambdas of its executor (DynamicMethod.CreateDelegate),
    // which was about a third of the server's CPU in a stream of moves. Identifiers are quoted the
    // way both databases read them; trashed rows are left out as the model's query filter does;
    // entities are read as the model maps them and then tracked, as a tracking query would.
    private Columns? _columns;

    // The tasks being changed now and lately, a few MB at most.
    private static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _boardsOfTasks = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    /// <summary>
    /// The entity reads' SQL and how their rows are read, made once from the first context's
    /// model (one model per service provider).
    /// </summary>
    private sealed class Columns
    {
        public Columns(IModel model)
        {
            Boards = new(model);
            Tasks = new(model);
            MemberRole = new(model.FindEntityType(typeof(Member))!.FindProperty(nameof(Member.Role))!);
            BoardAndCaller = $"""
            SELECT {Boards.SelectList("b")}, m."Role", u."DisplayName", u."Email"
            FROM "Boards" AS b
            LEFT JOIN "Members" AS m ON m."BoardId" = b."Id" AND m."UserId" = @user
            LEFT JOIN "AspNetUsers" AS u ON u."Id" = @user
            WHERE b."Id" = @board
            """;
            TaskAndCreator = $"""
            SELECT {Tasks.SelectList("t")}, u."DisplayName", u."Email"
            FROM "Tasks" AS t
            INNER JOIN "AspNetUsers" AS u ON u."Id" = t."CreatedById"
            WHERE t."Id" = @task AND t."BoardId" = @board AND t."DeletedAt" IS NULL
            """;
        }

        public EntityColumns<Board> Boards { get; }
        public EntityColumns<BoardTask> Tasks { get; }
        public ColumnReader MemberRole { get; }
        public string BoardAndCaller { get; }
        public string TaskAndCreator { get; }
    }

    /// <summary>The board (tracked), the caller's role on it and the caller's name fields; null when there is no such board.</summary>
    public async Task<BoardAndCaller?> LoadBoardAndCaller(KanbanDb db, Guid boardId, string userId, CancellationToken ct)
    {
        var columns = _columns ??= new Columns(db.Model);
        await using var read = await HotRead.RunAsync(db, commands, columns.BoardAndCaller, ct, ("board", boardId), ("user", userId));
        if (!await read.Reader.ReadAsync(ct))
            return null;
        var r = read.Reader;
        var at = columns.Boards.Count;
        var role = (BoardRole?)columns.MemberRole.Read(r, at);
        return new BoardAndCaller(Tracked(db, columns.Boards.Read(r), b => b.Id), role, TextOrNull(r, at + 1), TextOrNull(r, at + 2));
    }

    /// <summary>The board's task (tracked, not in the trash) with its creator's name fields; null when there is none.</summary>
    public async Task<TaskAndCreator?> LoadTaskAndCreator(KanbanDb db, Guid taskId, Guid boardId, CancellationToken ct)
    {
        var columns = _columns ??= new Columns(db.Model);
        await using var read = await HotRead.RunAsync(db, commands, columns.TaskAndCreator, ct, ("task", taskId), ("board", boardId));
        if (!await read.Reader.ReadAsync(ct))
            return null;
        var r = read.Reader;
        var at = columns.Tasks.Count;
        return new TaskAndCreator(Tracked(db, columns.Tasks.Read(r), t => t.Id), TextOrNull(r, at), TextOrNull(r, at + 1));
    }

    /// <summary>The entity as the context tracks it: the one it tracks already with that key (as a tracking query resolves it), else this one, attached unchanged.</summary>
    private static T Tracked<T>(KanbanDb db, T read, Func<T, Guid> key) where T : class
    {
        var id = key(read);
        if (db.ChangeTracker.Entries<T>().FirstOrDefault(e => key(e.Entity) == id) is { } known)
            return known.Entity;
        db.Attach(read);
        return read;
    }

    private static string? TextOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A column's name and a count, the one row of <see cref="OtherTasksInColumn"/> and <see cref="OtherTasksBefore"/>; null when there is none.</summary>
    private static async Task<NamedCount?> NamedCountAsync(HotRead read, CancellationToken ct) =>
        await read.Reader.ReadAsync(ct) ? new NamedCount(read.Reader.GetString(0), Convert.ToInt32(read.Reader.GetValue(1))) : null;

    /// <summary>The board of a task that is not in the trash; null when there is none.</summary>
    public async Task<Guid?> BoardOfTask(KanbanDb db, Guid taskId, CancellationToken ct)
    {
        await using var read = await HotRead.RunAsync(db, commands, """
            SELECT "BoardId" FROM "Tasks" WHERE "Id" = @task AND "DeletedAt" IS NULL
            """, ct, ("task", taskId));
        return await read.Reader.ReadAsync(ct) ? read.Reader.GetGuid(0) : null;
    }

    /// <summary>
    /// The board of a task found once (<see cref="BoardOfTask"/>), remembered since: for a change
    /// that reads the task again inside the write gate, on its board and out of the trash, so a
    /// task trashed since is refused there as before. A task never changes board and its ID is
    /// never reused (<see cref="RetiredId"/>), so what is remembered never goes wrong. Reading it
    /// before every change took 6 % of the server's CPU in a stream of moves (a pooled
    /// connection opened, a statement prepared, both closed).
    /// </summary>
    public async Task<Guid?> RememberedBoardOfTask(KanbanDb db, Guid taskId, CancellationToken ct)
    {
        if (_boardsOfTasks.TryGetValue(taskId, out Guid known))
            return known;
        var board = await BoardOfTask(db, taskId, ct);
        if (board is { } found)
            _boardsOfTasks.Set(taskId, found, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = RememberedFor });
        return board;
    }

    public void Dispose() => _boardsOfTasks.Dispose();

    /// <summary>A column of the board's name and how many other tasks it holds; null when the column is not on the board.</summary>
    public async Task<NamedCount?> OtherTasksInColumn(KanbanDb db, Guid columnId, Guid boardId, Guid taskId, CancellationToken ct)
    {
        await using var read = await HotRead.RunAsync(db, commands, """
            SELECT c."Name", (SELECT COUNT(*) FROM "Tasks" AS t
                              WHERE t."ColumnId" = c."Id" AND t."Id" <> @task AND t."DeletedAt" IS NULL)
            FROM "Columns" AS c
            WHERE c."Id" = @column AND c."BoardId" = @board AND c."DeletedAt" IS NULL
            """, ct, ("task", taskId), ("column", columnId), ("board", boardId));
        return await NamedCountAsync(read, ct);
    }

    /// <summary>
    /// A column's name and how many other tasks of it rank before <c>rank</c>: the task's position
    /// there (what a move's history and undo need of the column it leaves, in the one query).
    /// </summary>
    public async Task<NamedCount?> OtherTasksBefore(KanbanDb db, Guid columnId, Guid taskId, string rank, CancellationToken ct)
    {
        await using var read = await HotRead.RunAsync(db, commands, """
            SELECT c."Name", (SELECT COUNT(*) FROM "Tasks" AS t
                              WHERE t."ColumnId" = c."Id" AND t."Id" <> @task AND t."DeletedAt" IS NULL AND t."Rank" < @rank)
            FROM "Columns" AS c
            WHERE c."Id" = @column AND c."DeletedAt" IS NULL
            """, ct, ("task", taskId), ("rank", rank), ("column", columnId));
        return await NamedCountAsync(read, ct);
    }

    /// <summary>The ranks of the column's other tasks in order, <c>take</c> of them from <c>skip</c>.</summary>
    public async Task<List<string>> OtherTaskRanks(KanbanDb db, Guid columnId, Guid taskId, int skip, int take, CancellationToken ct)
    {
        await using var read = await HotRead.RunAsync(db, commands, """
            SELECT "Rank" FROM "Tasks"
            WHERE "ColumnId" = @column AND "Id" <> @task AND "DeletedAt" IS NULL
            ORDER BY "Rank" LIMIT @take OFFSET @skip
            """, ct, ("column", columnId), ("task", taskId), ("take", take), ("skip", skip));
        var ranks = new List<string>();
        while (await read.Reader.ReadAsync(ct))
            ranks.Add(read.Reader.GetString(0));
        return ranks;
    }
}
