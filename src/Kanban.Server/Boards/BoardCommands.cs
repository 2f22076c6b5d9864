using Kanban.Server.Auth;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Kanban.Server.History;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

public sealed record CreateBoardInput(string? Id, string Name);

/// <summary>Creating, renaming and deleting boards.</summary>
public sealed class BoardCommands(KanbanDb db, BoardWriter writer)
{
    /// <summary>
    /// A new board starts at seq 0 with no event, so this is the one write outside
    /// <see cref="BoardWriter.WriteAsync"/>: there is no board to lock and no one to tell yet.
    /// </summary>
    public async Task<BoardView> CreateAsync(Caller caller, CreateBoardInput input, CancellationToken ct)
    {
        var id = Limits.NewOrGiven(input.Id, "id");
        var name = Limits.Name(input.Name, "name");
        db.ChangeTracker.Clear();

        var existing = await db.Boards.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (existing is not null)
        {
            var mine = existing.CreatedById == caller.UserId
                && await db.Members.AnyAsync(m => m.BoardId == id && m.UserId == caller.UserId, ct);
            return mine ? ViewOf.Board(existing) : throw RefusalException.Conflict("That board ID is already in use.");
        }
        if (await db.RetiredIds.AnyAsync(r => r.Id == id, ct))
            throw RefusalException.Conflict("That board ID belonged to a deleted board.");

        var board = new Board { Id = id, Name = name, CreatedById = caller.UserId, CreatedAt = writer.Now() };
        db.Boards.Add(board);
        db.Members.Add(new Member { BoardId = id, UserId = caller.UserId, Role = BoardRole.Owner });
        await writer.SaveAsync(ct);
        db.ChangeTracker.Clear();
        return ViewOf.Board(board);
    }

    public async Task<BoardView> RenameAsync(Caller caller, string boardId, string newName, CancellationToken ct)
    {
        var id = Limits.Id(boardId, "id");
        var name = Limits.Name(newName, "name");
        return await writer.WriteAsync(id, caller, BoardRole.Owner, change =>
        {
            if (change.Board.Name != name)
            {
                change.Emit(new BoardUpdated(new NameChange(name), new NameChange(change.Board.Name)));
                change.Board.Name = name;
            }
            return Task.FromResult(ViewOf.Board(change.Board));
        }, ct);
    }

    /// <summary>Deletes the board with everything on it; its IDs are retired so none comes back.</summary>
    public async Task<DeletePayload> DeleteAsync(Caller caller, string boardId, CancellationToken ct)
    {
        var id = Limits.Id(boardId, "id");
        return await writer.WriteAsync(id, caller, BoardRole.Owner, async change =>
        {
            // Trash included: the board goes with everything it had.
            var itemIds = await db.Tasks.IgnoreQueryFilters().Where(t => t.BoardId == id).Select(t => t.Id)
                .Concat(db.Columns.IgnoreQueryFilters().Where(c => c.BoardId == id).Select(c => c.Id))
                .ToListAsync(ct);
            db.RetiredIds.AddRange(itemIds.Append(id).Select(x => new RetiredId { Id = x }));
            var members = await db.Members.Where(m => m.BoardId == id).Select(m => m.UserId).ToListAsync(ct);
            change.Emit(new BoardDeleted(members));
            // The log goes with the board: board:deleted is published, never replayed.
            await db.Tasks.IgnoreQueryFilters().Where(t => t.BoardId == id).ExecuteDeleteAsync(ct);
            await db.Columns.IgnoreQueryFilters().Where(c => c.BoardId == id).ExecuteDeleteAsync(ct);
            await db.Events.Where(e => e.BoardId == id).ExecuteDeleteAsync(ct);
            await db.Activities.Where(a => a.BoardId == id).ExecuteDeleteAsync(ct); // and its history
            await db.Members.Where(m => m.BoardId == id).ExecuteDeleteAsync(ct);
            change.LeaveOutOfLog();
            db.Remove(change.Board);
            return new DeletePayload(id);
        }, ct);
    }
}
