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

    /// <summary>
    /// The parts of every task of a board that is not in the trash: what a whole board read needs,
    /// ≈ 8 rows a task, as plain SQL (EF Core's materializing of whole entities was three quarters
    /// of reading a board). Only the columns the views show are read.
    /// </summary>
    public static async Task<Func<Guid, TaskParts>> OfBoardAsync(KanbanDb db, WriteConnection commands, Guid boardId, CancellationToken ct)
    {
        const string BoardTasks = """INNER JOIN "Tasks" AS t ON t."Id" = p."TaskId" WHERE t."BoardId" = @board AND t."DeletedAt" IS NULL""";
        var labels = new List<(Guid Task, Guid Label)>();
        await using (var read = await HotRead.RunAsync(db, commands, $"""SELECT p."TaskId", p."LabelId" FROM "TaskLabels" AS p {BoardTasks}""", ct, ("board", boardId)))
        {
            while (await read.Reader.ReadAsync(ct))
                labels.Add((read.Reader.GetGuid(0), read.Reader.GetGuid(1)));
        }
        var assignees = new List<(Guid Task, string User)>();
        await using (var read = await HotRead.RunAsync(db, commands, $"""SELECT p."TaskId", p."UserId" FROM "TaskAssignees" AS p {BoardTasks}""", ct, ("board", boardId)))
        {
            while (await read.Reader.ReadAsync(ct))
                assignees.Add((read.Reader.GetGuid(0), read.Reader.GetString(1)));
        }
        var items = new List<ChecklistItemView>();
        await using (var read = await HotRead.RunAsync(db, commands,
            $"""SELECT p."TaskId", p."Id", p."Text", p."Done", p."Rank" FROM "ChecklistItems" AS p {BoardTasks}""", ct, ("board", boardId)))
        {
            var r = read.Reader;
            while (await r.ReadAsync(ct))
                items.Add(new ChecklistItemView(r.GetGuid(1), r.GetGuid(0), r.GetString(2), r.GetBoolean(3), r.GetString(4)));
        }
        var labelsOf = labels.ToLookup(l => l.Task, l => l.Label);
        var assigneesOf = assignees.ToLookup(a => a.Task, a => a.User);
        var itemsOf = items.ToLookup(i => i.TaskId);
        return id => new TaskParts(
            Ids(labelsOf[id]),
            Ids(assigneesOf[id]),
            itemsOf[id].OrderBy(i => i.Rank, StringComparer.Ordinal).ToList());
    }

    /// <summary>The parts of one task.</summary>
    public static async Task<TaskParts> OfAsync(KanbanDb db, Guid taskId, CancellationToken ct) =>
        (await OfAsync(db, db.Tasks.Where(t => t.Id == taskId), ct))(taskId);

    public static IReadOnlyList<Guid> Ids(IEnumerable<Guid> ids) => ids.OrderBy(id => id.ToString(), StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> Ids(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToList();
}
