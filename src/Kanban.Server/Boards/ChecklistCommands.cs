using Kanban.Server.Auth;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Kanban.Server.History;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

public sealed record AddChecklistItemInput(string? Id, string TaskId, string Text, int? Index);
public sealed record UpdateChecklistItemInput(string Id, string? Text, bool? Done);
public sealed record MoveChecklistItemInput(string Id, int? Index);

/// <summary>
/// A task's checklist, kept in order by rank as tasks are in a column. Its changes are not edits of
/// the task: the task's version stays, so ticking an item never makes anyone's edit conflict.
/// </summary>
public sealed class ChecklistCommands(KanbanDb db, BoardWriter writer, WriteQueries queries)
{
    public async Task<ChecklistItemView> AddAsync(Caller caller, AddChecklistItemInput input, CancellationToken ct)
    {
        var id = Limits.NewOrGiven(input.Id, "id");
        var taskId = Limits.Id(input.TaskId, "taskId");
        var text = Limits.ChecklistText(input.Text);
        var index = Limits.Index(input.Index);
        var boardId = await queries.BoardOfTask(db, taskId, ct) ?? throw RefusalException.NotFound("Task");

        return await writer.WriteAsync(boardId, caller, BoardRole.Editor, async change =>
        {
            var existing = await db.ChecklistItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
            if (existing is not null)
            {
                // A retry is safe: an item keeps no creator, and any EDITOR of its board may change it anyway.
                return existing.TaskId == taskId
                    ? ViewOf.ChecklistItem(existing)
                    : throw RefusalException.Conflict("That checklist item ID is already in use.");
            }
            if (await db.RetiredIds.AnyAsync(r => r.Id == id, ct))
                throw RefusalException.Conflict("That checklist item ID belonged to a deleted item.");
            var taskTitle = await db.Tasks.Where(t => t.Id == taskId && t.BoardId == boardId).Select(t => t.Title).SingleOrDefaultAsync(ct)
                ?? throw RefusalException.NotFound("Task");

            var siblings = db.ChecklistItems.Where(i => i.TaskId == taskId);
            var slot = await Placement.SlotAsync(siblings, index, Limits.ChecklistItemsPerTask, "taskId", ct);
            var item = new ChecklistItem
            {
                Id = id, TaskId = taskId, BoardId = boardId, Text = text,
                Rank = await RankAtAsync(change, taskId, taskTitle, siblings, slot, ct),
            };
            db.ChecklistItems.Add(item);
            var view = ViewOf.ChecklistItem(item);
            change.Emit(new ChecklistItemCreated(taskId, view), Notes.ChecklistItemCreated(view, taskTitle));
            return view;
        }, ct);
    }

    public async Task<ChecklistItemView> UpdateAsync(Caller caller, UpdateChecklistItemInput input, CancellationToken ct)
    {
        var id = Limits.Id(input.Id, "id");
        var text = input.Text is null ? null : Limits.ChecklistText(input.Text);
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var item = await LoadAsync(id, change, ct);
            var oldText = item.Text;
            var newText = text is not null && text != item.Text ? item.Text = text : null;
            var newDone = input.Done is { } done && done != item.Done ? item.Done = done : (bool?)null;
            if (newText is not null || newDone is not null)
            {
                var updated = new ChecklistItemUpdated(item.TaskId, id, new ChecklistItemChanges(newText, newDone));
                change.Emit(updated, Notes.ChecklistItemUpdated(updated, oldText, await TaskTitleAsync(item.TaskId, ct)));
            }
            return ViewOf.ChecklistItem(item);
        }, ct);
    }

    public async Task<ChecklistItemView> MoveAsync(Caller caller, MoveChecklistItemInput input, CancellationToken ct)
    {
        var id = Limits.Id(input.Id, "id");
        var index = Limits.Index(input.Index);
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var item = await LoadAsync(id, change, ct);
            var siblings = db.ChecklistItems.Where(i => i.TaskId == item.TaskId && i.Id != id);
            var slot = await Placement.SlotAsync(siblings, index, Limits.ChecklistItemsPerTask, "index", ct);
            var fromPosition = await Placement.PositionOfAsync(siblings, item.Rank, ct);
            if (slot.Position == fromPosition)
                return ViewOf.ChecklistItem(item); // already there: not a change

            var taskTitle = await TaskTitleAsync(item.TaskId, ct);
            item.Rank = await RankAtAsync(change, item.TaskId, taskTitle, siblings, slot, ct);
            var moved = new ChecklistItemMoved(item.TaskId, id, item.Rank, slot.Position);
            change.Emit(moved, Notes.ChecklistItemMoved(moved, item.Text, taskTitle, fromPosition));
            return ViewOf.ChecklistItem(item);
        }, ct);
    }

    public async Task<DeletePayload> DeleteAsync(Caller caller, string itemId, CancellationToken ct)
    {
        var id = Limits.Id(itemId, "id");
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var item = await LoadAsync(id, change, ct);
            db.ChecklistItems.Remove(item);
            db.RetiredIds.Add(new RetiredId { Id = id });
            change.Emit(new ChecklistItemDeleted(item.TaskId, id), Notes.ChecklistItemDeleted(item, await TaskTitleAsync(item.TaskId, ct)));
            return new DeletePayload(id);
        }, ct);
    }

    /// <summary>
    /// A rank for the slot. When the checklist's keys are worn out it is respread, logged as one
    /// <c>checklistItem:moved</c> per item (positions unchanged): the events clients already apply.
    /// </summary>
    private static Task<string> RankAtAsync(BoardChange change, Guid taskId, string taskTitle, IQueryable<ChecklistItem> siblings, Slot slot, CancellationToken ct) =>
        Placement.RankAtAsync(siblings, slot,
            (skip, take) => siblings.OrderBy(s => s.Rank).Select(s => s.Rank).Skip(skip).Take(take).ToListAsync(ct),
            items =>
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var moved = new ChecklistItemMoved(taskId, items[i].Id, items[i].Rank, i < slot.Position ? i : i + 1);
                    change.Emit(moved, Notes.ChecklistItemMoved(moved, items[i].Text, taskTitle, null));
                }
            }, ct);

    /// <summary>The task's title, which the history names an item's change by.</summary>
    private async Task<string> TaskTitleAsync(Guid taskId, CancellationToken ct) =>
        await db.Tasks.Where(t => t.Id == taskId).Select(t => t.Title).SingleAsync(ct);

    private async Task<Guid> BoardOfAsync(Guid itemId, CancellationToken ct) =>
        await db.ChecklistItems.Where(i => i.Id == itemId).Select(i => (Guid?)i.BoardId).SingleOrDefaultAsync(ct)
        ?? throw RefusalException.NotFound("Checklist item");

    // An item of a task in the trash is out of reach with it (db.Tasks leaves trashed tasks out).
    private async Task<ChecklistItem> LoadAsync(Guid id, BoardChange change, CancellationToken ct) =>
        await db.ChecklistItems.SingleOrDefaultAsync(i => i.Id == id && i.BoardId == change.Board.Id && db.Tasks.Any(t => t.Id == i.TaskId), ct)
        ?? throw RefusalException.NotFound("Checklist item");
}
