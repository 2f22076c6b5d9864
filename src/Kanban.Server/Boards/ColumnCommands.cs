using Kanban.Server.Auth;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Kanban.Server.History;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

public sealed record CreateColumnInput(string? Id, string BoardId, string Name, int? Index);
public sealed record UpdateColumnInput(string Id, string Name);
public sealed record MoveColumnInput(string Id, int? Index);

/// <summary>Column mutations, each one change on the write path.</summary>
public sealed class ColumnCommands(KanbanDb db, BoardWriter writer)
{
    public async Task<ColumnView> CreateAsync(Caller caller, CreateColumnInput input, CancellationToken ct)
    {
        var id = Limits.NewOrGiven(input.Id, "id");
        var boardId = Limits.Id(input.BoardId, "boardId");
        var name = Limits.Name(input.Name, "name");
        var index = Limits.Index(input.Index);

        return await writer.WriteAsync(boardId, caller, BoardRole.Editor, async change =>
        {
            var existing = await db.Columns.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
            if (existing?.DeletedAt is not null)
                throw RefusalException.Conflict("That column ID belonged to a deleted item.");
            if (existing is not null)
            {
                if (existing.BoardId == boardId && existing.CreatedById == caller.UserId)
                    return ViewOf.Column(existing, null);
                throw RefusalException.Conflict("That column ID is already in use.");
            }
            if (await db.RetiredIds.AnyAsync(r => r.Id == id, ct))
                throw RefusalException.Conflict("That column ID belonged to a deleted item.");

            var siblings = db.Columns.Where(c => c.BoardId == boardId);
            var slot = await Placement.SlotAsync(siblings, index, Limits.ColumnsPerBoard, "boardId", ct);
            var column = new Column
            {
                Id = id, BoardId = boardId, Name = name, CreatedById = caller.UserId,
                Rank = await change.RankAtAsync(siblings, slot, Reranked, ct),
            };
            db.Columns.Add(column);
            var view = ViewOf.Column(column, []);
            change.Emit(new ColumnCreated(view));
            return view;
        }, ct);
    }

    public async Task<ColumnView> UpdateAsync(Caller caller, UpdateColumnInput input, CancellationToken ct)
    {
        var id = Limits.Id(input.Id, "id");
        var name = Limits.Name(input.Name, "name");
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var column = await LoadAsync(id, change, ct);
            if (column.Name != name)
            {
                change.Emit(new ColumnUpdated(id, new NameChange(name), new NameChange(column.Name)));
                column.Name = name;
            }
            return ViewOf.Column(column, null);
        }, ct);
    }

    public async Task<ColumnView> MoveAsync(Caller caller, MoveColumnInput input, CancellationToken ct)
    {
        var id = Limits.Id(input.Id, "id");
        var index = Limits.Index(input.Index);
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var column = await LoadAsync(id, change, ct);
            var siblings = db.Columns.Where(c => c.BoardId == column.BoardId && c.Id != id);
            var slot = await Placement.SlotAsync(siblings, index, Limits.ColumnsPerBoard, "index", ct);
            var fromPosition = await Placement.PositionOfAsync(siblings, column.Rank, ct);
            if (slot.Position == fromPosition)
                return ViewOf.Column(column, null); // already there: not a change

            column.Rank = await change.RankAtAsync(siblings, slot, Reranked, ct);
            var moved = new ColumnMoved(id, column.Rank, slot.Position, fromPosition);
            change.Emit(moved, Notes.ColumnMoved(moved, column.Name));
            return ViewOf.Column(column, null);
        }, ct);
    }

    /// <summary>Moves the column and its tasks to the trash: one event, since the tasks go with it.</summary>
    public async Task<DeletePayload> DeleteAsync(Caller caller, string columnId, CancellationToken ct)
    {
        var id = Limits.Id(columnId, "id");
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var column = await LoadAsync(id, change, ct);
            await Trash.MarkAsync(change, column, db.Columns.Where(c => c.BoardId == column.BoardId && c.Id != id), ct);
            // Its live tasks go with it (and come back with it); ones trashed on their own before stay as they are.
            var tasks = await db.Tasks.Where(t => t.ColumnId == id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.DeletedAt, change.Now).SetProperty(t => t.DeletedById, change.Actor.Id)
                .SetProperty(t => t.DeletedWithColumn, true), ct);
            change.Emit(new ColumnDeleted(id), Notes.ColumnDeleted(column, tasks));
            return new DeletePayload(id);
        }, ct);
    }

    internal static ColumnsReranked Reranked(IReadOnlyList<Column> columns) =>
        new(columns.Select(c => new ColumnRank(c.Id, c.Rank)).ToList());

    private async Task<Guid> BoardOfAsync(Guid columnId, CancellationToken ct) =>
        await db.Columns.Where(c => c.Id == columnId).Select(c => (Guid?)c.BoardId).SingleOrDefaultAsync(ct)
        ?? throw RefusalException.NotFound("Column");

    private async Task<Column> LoadAsync(Guid id, BoardChange change, CancellationToken ct) =>
        await db.Columns.SingleOrDefaultAsync(c => c.Id == id && c.BoardId == change.Board.Id, ct)
        ?? throw RefusalException.NotFound("Column");
}
