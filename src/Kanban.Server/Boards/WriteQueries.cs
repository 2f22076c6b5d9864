using Kanban.Server.Auth;
using Kanban.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>The board, the caller's role on it (null: no member) and the caller's name fields.</summary>
public sealed record BoardAndCaller(Board Board, BoardRole? Role, string? DisplayName, string? Email);

/// <summary>A column's name and a count of tasks in it.</summary>
public sealed record NamedCount(string Name, int Count);

/// <summary>A task with its creator's name fields.</summary>
public sealed record TaskAndCreator(BoardTask Task, string? DisplayName, string? Email);

/// <summary>
/// The queries of the busiest mutations (every write, and moving and editing tasks), compiled
/// once: EF Core then skips turning the LINQ expression into a cache key on every call. A
/// compiled query belongs to one model, so there is one set per service provider (a singleton);
/// the SQL is the same as the LINQ it replaces.
/// </summary>
public sealed class WriteQueries
{
    public readonly Func<KanbanDb, Guid, string, CancellationToken, Task<BoardAndCaller?>> LoadBoardAndCaller =
        EF.CompileAsyncQuery((KanbanDb db, Guid boardId, string userId, CancellationToken ct) => (
            from b in db.Boards
            where b.Id == boardId
            from m in db.Members.Where(m => m.BoardId == b.Id && m.UserId == userId).DefaultIfEmpty()
            from u in db.Users.Where(u => u.Id == userId).DefaultIfEmpty()
            select new BoardAndCaller(b, (BoardRole?)m.Role, u.DisplayName, u.Email)).SingleOrDefault());

    public readonly Func<KanbanDb, Guid, Guid, CancellationToken, Task<TaskAndCreator?>> LoadTaskAndCreator =
        EF.CompileAsyncQuery((KanbanDb db, Guid taskId, Guid boardId, CancellationToken ct) =>
            db.Tasks.Where(t => t.Id == taskId && t.BoardId == boardId)
                .Join(db.Users, t => t.CreatedById, u => u.Id, (t, u) => new TaskAndCreator(t, u.DisplayName, u.Email))
                .SingleOrDefault());

    // The reads below return no entity, so they are plain SQL rather than compiled queries: each
    // run of an EF Core query's compiled executor creates delegates for its nested lambdas
    // (DynamicMethod.CreateDelegate), which was about a sixth of the server's CPU in a stream of
    // moves. Identifiers are quoted the way both databases read them; trashed rows are left out
    // as the model's query filter does.

    /// <summary>The board of a task that is not in the trash; null when there is none.</summary>
    public async Task<Guid?> BoardOfTask(KanbanDb db, Guid taskId, CancellationToken ct)
    {
        await using var read = await HotRead.RunAsync(db, """
            SELECT "BoardId" FROM "Tasks" WHERE "Id" = @task AND "DeletedAt" IS NULL
            """, ct, ("task", taskId));
        return await read.Reader.ReadAsync(ct) ? read.Reader.GetGuid(0) : null;
    }

    /// <summary>A column of the board's name and how many other tasks it holds; null when the column is not on the board.</summary>
    public async Task<NamedCount?> OtherTasksInColumn(KanbanDb db, Guid columnId, Guid boardId, Guid taskId, CancellationToken ct)
    {
        await using var read = await HotRead.RunAsync(db, """
            SELECT c."Name", (SELECT COUNT(*) FROM "Tasks" AS t
                              WHERE t."ColumnId" = c."Id" AND t."Id" <> @task AND t."DeletedAt" IS NULL)
            FROM "Columns" AS c
            WHERE c."Id" = @column AND c."BoardId" = @board AND c."DeletedAt" IS NULL
            """, ct, ("task", taskId), ("column", columnId), ("board", boardId));
        return await read.Reader.ReadAsync(ct) ? new NamedCount(read.Reader.GetString(0), Convert.ToInt32(read.Reader.GetValue(1))) : null;
    }

    /// <summary>
    /// A column's name and how many other tasks of it rank before <c>rank</c>: the task's position
    /// there (what a move's history and undo need of the column it leaves, in the one query).
    /// </summary>
    public async Task<NamedCount?> OtherTasksBefore(KanbanDb db, Guid columnId, Guid taskId, string rank, CancellationToken ct)
    {
        await using var read = await HotRead.RunAsync(db, """
            SELECT c."Name", (SELECT COUNT(*) FROM "Tasks" AS t
                              WHERE t."ColumnId" = c."Id" AND t."Id" <> @task AND t."DeletedAt" IS NULL AND t."Rank" < @rank)
            FROM "Columns" AS c
            WHERE c."Id" = @column AND c."DeletedAt" IS NULL
            """, ct, ("task", taskId), ("rank", rank), ("column", columnId));
        return await read.Reader.ReadAsync(ct) ? new NamedCount(read.Reader.GetString(0), Convert.ToInt32(read.Reader.GetValue(1))) : null;
    }

    /// <summary>The ranks of the column's other tasks in order, <c>take</c> of them from <c>skip</c>.</summary>
    public async Task<List<string>> OtherTaskRanks(KanbanDb db, Guid columnId, Guid taskId, int skip, int take, CancellationToken ct)
    {
        await using var read = await HotRead.RunAsync(db, """
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
