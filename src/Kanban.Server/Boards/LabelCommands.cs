using Kanban.Server.Auth;
using Kanban.Server.Data;
using Kanban.Server.History;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

public sealed record CreateLabelInput(string? Id, string BoardId, string Name, LabelColor Color);
public sealed record UpdateLabelInput(string Id, string? Name, LabelColor? Color);

/// <summary>A board's labels: EDITORs create, rename, recolour and delete them.</summary>
public sealed class LabelCommands(KanbanDb db, BoardWriter writer)
{
    public async Task<LabelView> CreateAsync(Caller caller, CreateLabelInput input, CancellationToken ct)
    {
        var id = Limits.NewOrGiven(input.Id, "id");
        var boardId = Limits.Id(input.BoardId, "boardId");
        var name = Limits.LabelName(input.Name);

        return await writer.WriteAsync(boardId, caller, BoardRole.Editor, async change =>
        {
            var existing = await db.Labels.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
            if (existing is not null)
            {
                // A retry is safe: a label keeps no creator, and any EDITOR of its board may change it anyway.
                return existing.BoardId == boardId
                    ? ViewOf.Label(existing)
                    : throw RefusalException.Conflict("That label ID is already in use.");
            }
            if (await db.RetiredIds.AnyAsync(r => r.Id == id, ct))
                throw RefusalException.Conflict("That label ID belonged to a deleted item.");
            if (await db.Labels.CountAsync(l => l.BoardId == boardId, ct) >= Limits.LabelsPerBoard)
                throw RefusalException.Validation("boardId", $"A board has at most {Limits.LabelsPerBoard} labels.");

            var label = new Label { Id = id, BoardId = boardId, Name = name, Color = input.Color };
            db.Labels.Add(label);
            var view = ViewOf.Label(label);
            change.Emit(new LabelCreated(view));
            return view;
        }, ct);
    }

    public async Task<LabelView> UpdateAsync(Caller caller, UpdateLabelInput input, CancellationToken ct)
    {
        var id = Limits.Id(input.Id, "id");
        var name = input.Name is null ? null : Limits.LabelName(input.Name);
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var label = await LoadAsync(id, change, ct);
            var (oldName, oldColor) = (label.Name, label.Color);
            var newName = name is not null && name != label.Name ? label.Name = name : null;
            var newColor = input.Color is { } color && color != label.Color ? label.Color = color : (LabelColor?)null;
            if (newName is not null || newColor is not null)
            {
                var updated = new LabelUpdated(id, new LabelChanges(newName, newColor));
                change.Emit(updated, Notes.LabelUpdated(updated, oldName, oldColor));
            }
            return ViewOf.Label(label);
        }, ct);
    }

    /// <summary>Deletes a label, which takes it off every task (the rows cascade) within its one event.</summary>
    public async Task<DeletePayload> DeleteAsync(Caller caller, string labelId, CancellationToken ct)
    {
        var id = Limits.Id(labelId, "id");
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var label = await LoadAsync(id, change, ct);
            db.Labels.Remove(label);
            db.RetiredIds.Add(new RetiredId { Id = id });
            change.Emit(new LabelDeleted(id), Notes.LabelDeleted(label));
            return new DeletePayload(id);
        }, ct);
    }

    private async Task<Guid> BoardOfAsync(Guid labelId, CancellationToken ct) =>
        await db.Labels.Where(l => l.Id == labelId).Select(l => (Guid?)l.BoardId).SingleOrDefaultAsync(ct)
        ?? throw RefusalException.NotFound("Label");

    private async Task<Label> LoadAsync(Guid id, BoardChange change, CancellationToken ct) =>
        await db.Labels.SingleOrDefaultAsync(l => l.Id == id && l.BoardId == change.Board.Id, ct)
        ?? throw RefusalException.NotFound("Label");
}
