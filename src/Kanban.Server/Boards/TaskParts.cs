using Kanban.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>
/// What a task holds in rows of its own: its labels, its assignees and its checklist. Label and
/// assignee IDs are ordered by their text (the order means nothing, but every read gives the same
/// one); the checklist by rank.
/// </summary>
public sealed record TaskParts(IReadOnlyList<Guid> LabelIds, IReadOnlyList<string> AssigneeIds, IReadOnlyList<ChecklistItemView> Checklist)
{
    /// <summary>A new task's: nothing yet.</summary>
    public static readonly TaskParts None = new([], [], []);

    /// <summary>
    /// The parts of every task <paramref name="tasks"/> selects, in three queries however many
    /// tasks there are (each a join from the tasks to one table, by its task index).
    /// </summary>
    public static async Task<Func<Guid, TaskParts>> OfAsync(KanbanDb db, IQueryable<BoardTask> tasks, CancellationToken ct)
    {
        var labels = (await tasks.Join(db.TaskLabels.AsNoTracking(), t => t.Id, l => l.TaskId, (_, l) => l).ToListAsync(ct))
            .ToLookup(l => l.TaskId, l => l.LabelId);
        var assignees = (await tasks.Join(db.TaskAssignees.AsNoTracking(), t => t.Id, a => a.TaskId, (_, a) => a).ToListAsync(ct))
            .ToLookup(a => a.TaskId, a => a.UserId);
        var items = (await tasks.Join(db.ChecklistItems.AsNoTracking(), t => t.Id, i => i.TaskId, (_, i) => i).ToListAsync(ct))
            .ToLookup(i => i.TaskId);
        return id => new TaskParts(
            Ids(labels[id]),
            Ids(assignees[id]),
            items[id].OrderBy(i => i.Rank, StringComparer.Ordinal).Select(ViewOf.ChecklistItem).ToList());
    }

    /// <summary>The parts of one task.</summary>
    public static async Task<TaskParts> OfAsync(KanbanDb db, Guid taskId, CancellationToken ct) =>
        (await OfAsync(db, db.Tasks.Where(t => t.Id == taskId), ct))(taskId);

    public static IReadOnlyList<Guid> Ids(IEnumerable<Guid> ids) => ids.OrderBy(id => id.ToString(), StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> Ids(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToList();
}
