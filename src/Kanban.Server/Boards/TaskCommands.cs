using Kanban.Server.Auth;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

public sealed record CreateTaskInput(string? Id, string ColumnId, string Title, string? Description, int? Index);
public sealed record UpdateTaskInput(string Id, string? Title, string? Description, int? ExpectedVersion);
public sealed record MoveTaskInput(string Id, string ColumnId, int? Index, int? ExpectedVersion);

/// <summary>Task mutations, each one change on the write path.</summary>
public sealed class TaskCommands(KanbanDb db, BoardWriter writer, UserDirectory users, WriteQueries queries)
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
            var existing = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
            if (existing is not null)
            {
                // A retry of the caller's own create is safe: answer with the task as it is now.
                if (existing.BoardId == boardId && existing.CreatedById == caller.UserId)
                    return await ViewAsync(existing, ct);
                throw RefusalException.Conflict("That task ID is already in use.");
            }
            if (await db.RetiredIds.AnyAsync(r => r.Id == id, ct))
                throw RefusalException.Conflict("That task ID belonged to a deleted item.");
            if (!await db.Columns.AnyAsync(c => c.Id == columnId && c.BoardId == boardId, ct))
                throw RefusalException.NotFound("Column");

            var siblings = db.Tasks.Where(t => t.ColumnId == columnId);
            var slot = await Placement.SlotAsync(siblings, index, Limits.TasksPerColumn, "columnId", ct);
            var task = new BoardTask
            {
                Id = id, BoardId = boardId, ColumnId = columnId, Title = title, Description = description,
                Rank = await change.RankAtAsync(siblings, slot, Reranked(columnId), ct),
                CreatedAt = change.Now, UpdatedAt = change.Now, CreatedById = caller.UserId,
            };
            db.Tasks.Add(task);
            var view = ViewOf.Task(task, change.Actor);
            change.Emit(new TaskCreated(view));
            return view;
        }, ct);
    }

    public async Task<TaskView> UpdateAsync(Caller caller, UpdateTaskInput input, CancellationToken ct)
    {
        var id = Limits.Id(input.Id, "id");
        var title = input.Title is null ? null : Limits.Name(input.Title, "title");
        var description = input.Description is null ? null : Limits.Description(input.Description);

        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var (task, creator) = await LoadAsync(id, change, input.ExpectedVersion, ct);
            // Only what changed travels in the event.
            var newTitle = title is not null && title != task.Title ? task.Title = title : null;
            var newDescription = description is not null && description != task.Description ? task.Description = description : null;
            if (newTitle is null && newDescription is null)
                return ViewOf.Task(task, creator);

            task.Version++;
            task.UpdatedAt = change.Now;
            change.Emit(new TaskUpdated(id, new TaskChanges(newTitle, newDescription, change.Now.UtcDateTime), task.Version));
            return ViewOf.Task(task, creator);
        }, ct);
    }

    public async Task<TaskView> MoveAsync(Caller caller, MoveTaskInput input, CancellationToken ct)
    {
        var id = Limits.Id(input.Id, "id");
        var columnId = Limits.Id(input.ColumnId, "columnId");
        var index = Limits.Index(input.Index);

        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var (task, creator) = await LoadAsync(id, change, input.ExpectedVersion, ct);
            // The column's other tasks (compiled queries, as the LINQ below them would ask).
            var count = await queries.OtherTasksInColumn(db, columnId, task.BoardId, id, ct)
                ?? throw RefusalException.Validation("columnId", "columnId must be a column of the task's board.");

            var siblings = db.Tasks.Where(t => t.ColumnId == columnId && t.Id != id);
            var slot = Placement.SlotOf(count, index, Limits.TasksPerColumn, "columnId");
            var fromColumn = task.ColumnId;
            if (fromColumn == columnId && slot.Position == await queries.OtherTasksBefore(db, columnId, id, task.Rank, ct))
                return ViewOf.Task(task, creator); // already there: not a change

            task.Rank = await change.RankAtAsync(siblings, slot,
                (skip, take) => queries.OtherTaskRanks(db, columnId, id, skip, take).ToListAsync(ct).AsTask(),
                Reranked(columnId), ct);
            task.ColumnId = columnId;
            task.Version++;
            task.UpdatedAt = change.Now;
            change.Emit(new TaskMoved(id, fromColumn, columnId, task.Rank, slot.Position, task.Version, change.Now.UtcDateTime));
            return ViewOf.Task(task, creator);
        }, ct);
    }

    public async Task<DeletePayload> DeleteAsync(Caller caller, string taskId, CancellationToken ct)
    {
        var id = Limits.Id(taskId, "id");
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Editor, async change =>
        {
            var (task, _) = await LoadAsync(id, change, null, ct);
            db.Tasks.Remove(task);
            db.RetiredIds.Add(new RetiredId { Id = id });
            change.Emit(new TaskDeleted(id));
            return new DeletePayload(id);
        }, ct);
    }

    private static Func<IReadOnlyList<BoardTask>, TasksReranked> Reranked(Guid columnId) =>
        tasks => new TasksReranked(columnId, tasks.Select(t => new TaskRank(t.Id, t.Rank)).ToList());

    private async Task<Guid> BoardOfAsync(Guid taskId, CancellationToken ct) =>
        await queries.BoardOfTask(db, taskId, ct) ?? throw RefusalException.NotFound("Task");

    /// <summary>
    /// The task inside the transaction (it may have gone meanwhile) with its creator, checked
    /// against <c>expectedVersion</c>.
    /// </summary>
    private async Task<(BoardTask Task, UserView Creator)> LoadAsync(Guid id, BoardChange change, int? expectedVersion, CancellationToken ct)
    {
        var row = await queries.LoadTaskAndCreator(db, id, change.Board.Id, ct) ?? throw RefusalException.NotFound("Task");
        var creator = new UserView(row.Task.CreatedById, AppUser.NameOf(row.DisplayName, row.Email));
        if (expectedVersion is not null && expectedVersion != row.Task.Version)
            throw RefusalException.Conflict("The task was changed by someone else.", ViewOf.Task(row.Task, creator));
        return (row.Task, creator);
    }

    private async Task<TaskView> ViewAsync(BoardTask task, CancellationToken ct) =>
        ViewOf.Task(task, await users.ViewAsync(task.CreatedById, ct));
}
