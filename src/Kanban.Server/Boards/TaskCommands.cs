using Kanban.Server.Auth;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Kanban.Server.History;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

public sealed record CreateTaskInput(string? Id, string ColumnId, string Title, string? Description, int? Index);
public sealed record MoveTaskInput(string Id, string ColumnId, int? Index, int? ExpectedVersion);

/// <summary>
/// The fields an update sets; null ones stay as they are. <see cref="DueDate"/> is null to leave the
/// date, and a <see cref="NewValue{T}"/> holding null to clear it.
/// </summary>
public sealed record UpdateTaskInput(string Id, string? Title = null, string? Description = null, int? ExpectedVersion = null)
{
    public NewValue<string?>? DueDate { get; init; }
    public IReadOnlyList<string>? AddLabelIds { get; init; }
    public IReadOnlyList<string>? RemoveLabelIds { get; init; }
    public IReadOnlyList<string>? AddAssigneeIds { get; init; }
    public IReadOnlyList<string>? RemoveAssigneeIds { get; init; }
}

/// <summary>Task mutations, each one change on the write path.</summary>
public sealed class TaskCommands(KanbanDb db, BoardWriter writer, UserDirectory users, WriteQueries queries, ActivityReader history)
{
    public async Task<TaskView> CreateAsync(Caller caller, CreateTaskInput input, CancellationToken ct)
    {
        var id = Limits.NewOrGiven(input.Id, "id");
        var columnId = Limits.Id(input.ColumnId, "columnId");
        var title = Limits.Name(input.Title, "title");
        var description = Limits.Description(input.Description);
        var index = Limits.Index(input.Index);
        var boardId = await db.Columns.Where(c => c.Id == columnId).Select(c => (Guid?)c.BoardId).SingleOrDefaultAsync(ct)
            ?? throw RefusalException.NotFound("Column");

        return await writer.WriteAsync(boardId, caller, BoardRole.Editor, async change =>
        {
            var existing = await db.Tasks.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
            if (existing?.DeletedAt is not null)
                throw RefusalException.Conflict("That task ID belonged to a deleted item.");
            if (existing is not null)
            {
                // A retry of the caller's own create is safe: answer with the task as it is now.
                if (existing.BoardId == boardId && existing.CreatedById == caller.UserId)
                    return await ViewAsync(existing, await users.ViewAsync(existing.CreatedById, ct), ct);
                throw RefusalException.Conflict("That task ID is already in use.");
            }
            if (await db.RetiredIds.AnyAsync(r => r.Id == id, ct))
                throw RefusalException.Conflict("That task ID belonged to a deleted item.");
            var columnName = await db.Columns.Where(c => c.Id == columnId && c.BoardId == boardId).Select(c => c.Name).SingleOrDefaultAsync(ct)
                ?? throw RefusalException.NotFound("Column");

            var siblings = db.Tasks.Where(t => t.ColumnId == columnId);
            var slot = await Placement.SlotAsync(siblings, index, Limits.TasksPerColumn, "columnId", ct);
            // Field versions start at 0 ("not changed since created"), so an edit made on version 1 never conflicts with the create.
            var task = new BoardTask
            {
                Id = id, BoardId = boardId, ColumnId = columnId, Title = title, Description = description,
                Rank = await change.RankAtAsync(siblings, slot, Reranked(columnId), ct),
                CreatedAt = change.Now, UpdatedAt = change.Now, CreatedById = caller.UserId,
            };
            db.Tasks.Add(task);
            var view = ViewOf.Task(task, change.Actor, TaskParts.None);
            change.Emit(new TaskCreated(view), Notes.TaskCreated(view, columnName));
            return view;
        }, ct);
    }

    /// <summary>
    /// Sets fields and adds or removes labels and assignees, as one change. An <c>expectedVersion</c>
    /// is checked only against the fields this update would change (title, description, due date):
    /// someone else's move, or their edit of another field, since then is no conflict. Label and
    /// assignee deltas never conflict: concurrent ones all apply.
    /// </summary>
    public async Task<TaskView> UpdateAsync(Caller caller, UpdateTaskInput input, CancellationToken ct)
    {
        var id = Limits.Id(input.Id, "id");
        var title = input.Title is null ? null : Limits.Name(input.Title, "title");
        var description = input.Description is null ? null : Limits.Description(input.Description);
        var dueDate = input.DueDate is { Value: var date } ? new NewValue<DateOnly?>(date is null ? null : Limits.DueDate(date)) : null;
        var labels = SetDelta.Of(input.AddLabelIds, input.RemoveLabelIds, "addLabelIds", "removeLabelIds");
        var assignees = SetDelta.Of(input.AddAssigneeIds, input.RemoveAssigneeIds, "addAssigneeIds", "removeAssigneeIds");

        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var (task, creator) = await LoadAsync(id, change, ct);
            // Only what changes travels in the event, and only a field that changes can conflict.
            var newTitle = title is not null && title != task.Title ? title : null;
            var newDescription = description is not null && description != task.Description ? description : null;
            var newDueDate = dueDate is not null && dueDate.Value != task.DueDate ? dueDate : null;
            if (input.ExpectedVersion is { } expected)
            {
                // The latest version at which a field this update sets changed: after the caller's, a conflict.
                var changedAt = Math.Max(newTitle is null ? 0 : task.TitleVersion,
                    Math.Max(newDescription is null ? 0 : task.DescriptionVersion, newDueDate is null ? 0 : task.DueDateVersion));
                if (expected > task.Version || changedAt > expected)
                    throw await ConflictAsync(task, creator, changedAt > expected ? changedAt : null, ct);
            }

            var parts = await TaskParts.OfAsync(db, id, ct);
            var newLabels = await TaskSets.LabelsAsync(db, task, parts.LabelIds, labels, ct);
            var newAssignees = await TaskSets.AssigneesAsync(db, task, parts.AssigneeIds, assignees, ct);
            if (newTitle is null && newDescription is null && newDueDate is null && newLabels is null && newAssignees is null)
                return ViewOf.Task(task, creator, parts);

            // The old values of what changes, read before it does: what an undo sets back.
            var before = new TaskFields
            {
                Title = newTitle is null ? null : task.Title,
                Description = newDescription is null ? null : task.Description,
                DueDate = newDueDate is null ? null : new NewValue<DateOnly?>(task.DueDate),
                LabelIds = newLabels is null ? null : parts.LabelIds,
                AssigneeIds = newAssignees is null ? null : parts.AssigneeIds,
            };
            var oldTitle = task.Title;
            var version = ++task.Version;
            task.UpdatedAt = change.Now;
            if (newTitle is not null)
                (task.Title, task.TitleVersion) = (newTitle, version);
            if (newDescription is not null)
                (task.Description, task.DescriptionVersion) = (newDescription, version);
            if (newDueDate is not null)
                (task.DueDate, task.DueDateVersion) = (newDueDate.Value, version);
            var updated = new TaskUpdated(id, new TaskChanges(newTitle, newDescription, change.Now.UtcDateTime)
            {
                DueDate = newDueDate, LabelIds = newLabels, AssigneeIds = newAssignees,
            }, version, before);
            change.Emit(updated, Notes.TaskUpdated(updated, oldTitle, task.ColumnId, await NamesAsync(parts, newLabels, newAssignees, ct)));
            return ViewOf.Task(task, creator, parts with { LabelIds = newLabels ?? parts.LabelIds, AssigneeIds = newAssignees ?? parts.AssigneeIds });
        }, ct);
    }

    /// <summary>Moves a task; an <c>expectedVersion</c> conflicts only when the task was moved since.</summary>
    /// <param name="withParts">
    /// False when the caller's answer asks for none of the task's labels, assignees or checklist
    /// (a drag asks for its place and version): then they are not read, and the answer holds none.
    /// </param>
    public async Task<TaskView> MoveAsync(Caller caller, MoveTaskInput input, CancellationToken ct, bool withParts = true)
    {
        var id = Limits.Id(input.Id, "id");
        var columnId = Limits.Id(input.ColumnId, "columnId");
        var index = Limits.Index(input.Index);

        var (moved, movedCreator) = await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var (task, creator) = await LoadAsync(id, change, ct);
            if (input.ExpectedVersion is { } expected && (expected > task.Version || task.PlaceVersion > expected))
                throw await ConflictAsync(task, creator, task.PlaceVersion > expected ? task.PlaceVersion : null, ct);
            // The column's other tasks (compiled queries, as the LINQ below them would ask).
            var to = await queries.OtherTasksInColumn(db, columnId, task.BoardId, id, ct)
                ?? throw RefusalException.Validation("columnId", "columnId must be a column of the task's board.");

            var siblings = db.Tasks.Where(t => t.ColumnId == columnId && t.Id != id);
            var slot = Placement.SlotOf(to.Count, index, Limits.TasksPerColumn, "columnId");
            var fromColumn = task.ColumnId;
            // Where the task stands now (the undo's place) and its column's name: the one more query a move reads.
            var from = await queries.OtherTasksBefore(db, fromColumn, id, task.Rank, ct) ?? throw RefusalException.NotFound("Column");
            if (fromColumn == columnId && slot.Position == from.Count)
                return (task, creator); // already there: not a change

            task.Rank = await change.RankAtAsync(siblings, slot,
                (skip, take) => queries.OtherTaskRanks(db, columnId, id, skip, take, ct),
                Reranked(columnId), ct);
            task.ColumnId = columnId;
            task.PlaceVersion = ++task.Version;
            task.UpdatedAt = change.Now;
            var moved = new TaskMoved(id, fromColumn, columnId, task.Rank, slot.Position, task.Version, change.Now.UtcDateTime, from.Count);
            change.Emit(moved, Notes.TaskMoved(moved, task.Title, from.Name, to.Name));
            return (task, creator);
        }, ct);
        // A move changes none of the task's labels, assignees or checklist: they are read after the
        // commit, outside the write gate that every write of the database (SQLite) or board waits on.
        return withParts ? await ViewAsync(moved, movedCreator, ct) : ViewOf.Task(moved, movedCreator, TaskParts.None);
    }

    /// <summary>Moves a task to the trash; its labels, assignees, checklist and comments stay with it.</summary>
    public async Task<DeletePayload> DeleteAsync(Caller caller, string taskId, CancellationToken ct)
    {
        var id = Limits.Id(taskId, "id");
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var (task, _) = await LoadAsync(id, change, ct);
            await Trash.MarkAsync(change, task, db.Tasks.Where(t => t.ColumnId == task.ColumnId && t.Id != id), ct);
            change.Emit(new TaskDeleted(id), Notes.TaskDeleted(task));
            return new DeletePayload(id);
        }, ct);
    }

    internal static Func<IReadOnlyList<BoardTask>, TasksReranked> Reranked(Guid columnId) =>
        tasks => new TasksReranked(columnId, tasks.Select(t => new TaskRank(t.Id, t.Rank)).ToList());

    // Every change that asks reads the task again inside the gate (LoadAsync): the remembered board serves.
    private async Task<Guid> BoardOfAsync(Guid taskId, CancellationToken ct) =>
        await queries.RememberedBoardOfTask(db, taskId, ct) ?? throw RefusalException.NotFound("Task");

    /// <summary>The task inside the transaction (it may have gone meanwhile) with its creator.</summary>
    private async Task<(BoardTask Task, UserView Creator)> LoadAsync(Guid id, BoardChange change, CancellationToken ct)
    {
        var row = await queries.LoadTaskAndCreator(db, id, change.Board.Id, ct) ?? throw RefusalException.NotFound("Task");
        return (row.Task, new UserView(row.Task.CreatedById, AppUser.NameOf(row.DisplayName, row.Email)));
    }

    /// <summary>
    /// A CONFLICT carrying the task as it is, for the client to merge with, and who made the change
    /// at <paramref name="fieldVersion"/> (the version the conflicting field last changed at), from the history.
    /// </summary>
    private async Task<RefusalException> ConflictAsync(BoardTask task, UserView creator, int? fieldVersion, CancellationToken ct) =>
        RefusalException.Conflict("The task was changed by someone else.", await ViewAsync(task, creator, ct),
            fieldVersion is { } version ? await history.ChangedByAsync(task.Id, version, ct) : null);

    /// <summary>The names of the labels and people an update adds or removes, by ID, for its history entry.</summary>
    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(
        TaskParts parts, IReadOnlyList<Guid>? labels, IReadOnlyList<string>? assignees, CancellationToken ct)
    {
        var names = new Dictionary<string, string>();
        if (labels is not null)
        {
            var changed = labels.Except(parts.LabelIds).Union(parts.LabelIds.Except(labels)).ToList();
            foreach (var label in await db.Labels.AsNoTracking().Where(l => changed.Contains(l.Id)).Select(l => new { l.Id, l.Name }).ToListAsync(ct))
                names[label.Id.ToString()] = label.Name;
        }
        if (assignees is not null)
        {
            foreach (var (id, user) in await users.ViewsAsync(assignees.Except(parts.AssigneeIds).Union(parts.AssigneeIds.Except(assignees)), ct))
                names[id] = user.Name;
        }
        return names;
    }

    private async Task<TaskView> ViewAsync(BoardTask task, UserView creator, CancellationToken ct) =>
        ViewOf.Task(task, creator, await TaskParts.OfAsync(db, task.Id, ct));
}
