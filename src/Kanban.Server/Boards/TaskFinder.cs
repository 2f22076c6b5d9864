using Kanban.Server.Auth;
using Kanban.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>
/// Tasks found across boards: one by ID, the caller's assigned ones, a full-text search. Each
/// sees only boards the caller is a member of, and a task outside them looks exactly like one
/// that does not exist.
/// </summary>
public sealed class TaskFinder(KanbanDb db, BoardReader boards)
{
    /// <summary>The task, or null when it does not exist or the caller is no member of its board.</summary>
    public async Task<TaskView?> TaskAsync(Guid id, Caller caller, CancellationToken ct)
    {
        await using var tx = await db.BeginSnapshotAsync(ct);
        var task = await Visible(caller).SingleOrDefaultAsync(t => t.Id == id, ct);
        return task is null ? null : (await boards.TaskViewsAsync([task], ct))[0];
    }

    /// <summary>Tasks assigned to the caller: earliest due date first, undated last, then oldest first, then by ID.</summary>
    public async Task<IReadOnlyList<TaskView>> MyTasksAsync(Caller caller, int first, CancellationToken ct)
    {
        first = Limits.Page(first, Limits.MyTasksPage);
        await using var tx = await db.BeginSnapshotAsync(ct);
        var tasks = await Visible(caller)
            .Where(t => db.TaskAssignees.Any(a => a.TaskId == t.Id && a.UserId == caller.UserId))
            .OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Take(first).ToListAsync(ct);
        return await boards.TaskViewsAsync(tasks, ct);
    }

    /// <summary>
    /// The caller's tasks whose title, description or comments hold every word of
    /// <paramref name="text"/>, best first. A board the caller is no member of has no results
    /// (as one that does not exist), so the answer tells nothing about other people's boards.
    /// </summary>
    public async Task<IReadOnlyList<TaskView>> SearchAsync(Caller caller, string? text, Guid? boardId, int first, CancellationToken ct)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > Limits.SearchTextLength)
            throw RefusalException.Validation("text", $"text must be 1 to {Limits.SearchTextLength} characters.");
        first = Limits.Page(first, Limits.SearchPage);
        var words = SearchWords.Parse(trimmed);
        if (words.IsEmpty)
            return []; // only punctuation: nothing to look for

        await using var tx = await db.BeginSnapshotAsync(ct);
        var ids = await FullTextSearch.RunAsync(db, words, caller.UserId, boardId, first, ct);
        var rows = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return await boards.TaskViewsAsync(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), ct);
    }

    private IQueryable<BoardTask> Visible(Caller caller) =>
        db.Tasks.AsNoTracking().Where(t => db.Members.Any(m => m.BoardId == t.BoardId && m.UserId == caller.UserId));
}
