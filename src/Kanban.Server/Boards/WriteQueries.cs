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

    public readonly Func<KanbanDb, Guid, CancellationToken, Task<Guid?>> BoardOfTask =
        EF.CompileAsyncQuery((KanbanDb db, Guid taskId, CancellationToken ct) =>
            db.Tasks.Where(t => t.Id == taskId).Select(t => (Guid?)t.BoardId).SingleOrDefault());

    public readonly Func<KanbanDb, Guid, Guid, CancellationToken, Task<TaskAndCreator?>> LoadTaskAndCreator =
        EF.CompileAsyncQuery((KanbanDb db, Guid taskId, Guid boardId, CancellationToken ct) =>
            db.Tasks.Where(t => t.Id == taskId && t.BoardId == boardId)
                .Join(db.Users, t => t.CreatedById, u => u.Id, (t, u) => new TaskAndCreator(t, u.DisplayName, u.Email))
                .SingleOrDefault());

    /// <summary>A column of the board's name and how many other tasks it holds; null when the column is not on the board.</summary>
    public readonly Func<KanbanDb, Guid, Guid, Guid, CancellationToken, Task<NamedCount?>> OtherTasksInColumn =
        EF.CompileAsyncQuery((KanbanDb db, Guid columnId, Guid boardId, Guid taskId, CancellationToken ct) =>
            db.Columns.Where(c => c.Id == columnId && c.BoardId == boardId)
                .Select(c => new NamedCount(c.Name, db.Tasks.Count(t => t.ColumnId == c.Id && t.Id != taskId)))
                .SingleOrDefault());

    /// <summary>
    /// A column's name and how many other tasks of it rank before <c>rank</c>: the task's position
    /// there (what a move's history and undo need of the column it leaves, in the one query).
    /// </summary>
    public readonly Func<KanbanDb, Guid, Guid, string, CancellationToken, Task<NamedCount?>> OtherTasksBefore =
        EF.CompileAsyncQuery((KanbanDb db, Guid columnId, Guid taskId, string rank, CancellationToken ct) =>
            db.Columns.Where(c => c.Id == columnId)
                .Select(c => new NamedCount(c.Name, db.Tasks.Count(t => t.ColumnId == c.Id && t.Id != taskId && string.Compare(t.Rank, rank) < 0)))
                .SingleOrDefault());

    /// <summary>The ranks of the column's other tasks in order, <c>take</c> of them from <c>skip</c>.</summary>
    public readonly Func<KanbanDb, Guid, Guid, int, int, IAsyncEnumerable<string>> OtherTaskRanks =
        EF.CompileAsyncQuery((KanbanDb db, Guid columnId, Guid taskId, int skip, int take) =>
            db.Tasks.Where(t => t.ColumnId == columnId && t.Id != taskId)
                .OrderBy(t => t.Rank).Select(t => t.Rank).Skip(skip).Take(take));
}
