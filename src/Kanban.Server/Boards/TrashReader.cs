using Kanban.Server.Auth;
using Kanban.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>
/// One item of a board's trash, as it was when deleted: a task deleted on its own, or a column
/// (the tasks that went with it are counted in <see cref="TaskCount"/>, not listed).
/// </summary>
public sealed record TrashItemView(string Kind, Guid Id, string Title, DateTime DeletedAt, UserView DeletedBy, Guid? ColumnId, int? TaskCount);

/// <summary>What a board's trash holds, for its members.</summary>
public sealed class TrashReader(KanbanDb db, BoardReader boards, UserDirectory users)
{
    /// <summary>Newest first. NOT_FOUND when the board does not exist, FORBIDDEN when the caller is no member.</summary>
    public async Task<IReadOnlyList<TrashItemView>> ListAsync(Guid boardId, Caller caller, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        await boards.EnsureMemberAsync(boardId, caller, ct);
        var tasks = await db.Tasks.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.BoardId == boardId && t.DeletedAt != null && !t.DeletedWithColumn)
            .Select(t => new { t.Id, t.Title, t.DeletedAt, t.DeletedById, t.ColumnId }).ToListAsync(ct);
        var columns = await db.Columns.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.BoardId == boardId && c.DeletedAt != null)
            .Select(c => new
            {
                c.Id, c.Name, c.DeletedAt, c.DeletedById,
                Tasks = db.Tasks.IgnoreQueryFilters().Count(t => t.ColumnId == c.Id && t.DeletedAt != null && t.DeletedWithColumn),
            }).ToListAsync(ct);

        var deleters = await users.ViewsAsync(tasks.Select(t => t.DeletedById!).Concat(columns.Select(c => c.DeletedById!)), ct);
        return tasks.Select(t => new TrashItemView("task", t.Id, t.Title, t.DeletedAt!.Value.UtcDateTime, deleters[t.DeletedById!], t.ColumnId, null))
            .Concat(columns.Select(c => new TrashItemView("column", c.Id, c.Name, c.DeletedAt!.Value.UtcDateTime, deleters[c.DeletedById!], null, c.Tasks)))
            .OrderByDescending(i => i.DeletedAt).ThenBy(i => i.Id.ToString(), StringComparer.Ordinal)
            .ToList();
    }
}
