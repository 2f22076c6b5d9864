using Kanban.Server.Auth;
using Kanban.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

/// <summary>
/// Bringing a task or column back from the board's trash, each one change on the write path.
/// Restoring what is not in the trash (already restored) answers it as it is and changes nothing,
/// so a repeated undo is harmless.
/// </summary>
public sealed class RestoreCommands(KanbanDb db, BoardWriter writer, UserDirectory users)
{
    /// <summary>
    /// Back at its old place when its old neighbours are still adjacent there, else at the end of
    /// its column; when the column is gone, at the end of the board's first column.
    /// </summary>
    public async Task<TaskView> RestoreTaskAsync(Caller caller, string taskId, CancellationToken ct)
    {
        var id = Limits.Id(taskId, "id");
        var boardId = await db.Tasks.IgnoreQueryFilters().Where(t => t.Id == id).Select(t => (Guid?)t.BoardId).SingleOrDefaultAsync(ct)
            ?? throw RefusalException.NotFound("Task");

        return await writer.WriteAsync(boardId, caller, BoardRole.Editor, async change =>
        {
            var task = await db.Tasks.IgnoreQueryFilters().SingleOrDefaultAsync(t => t.Id == id && t.BoardId == boardId, ct)
                ?? throw RefusalException.NotFound("Task");
            var trashed = task.DeletedAt is not null;
            if (trashed)
            {
                var columnId = await db.Columns.AnyAsync(c => c.Id == task.ColumnId, ct)
                    ? task.ColumnId
                    : await db.Columns.Where(c => c.BoardId == boardId).OrderBy(c => c.Rank).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
                      ?? throw RefusalException.Validation("id", "The board has no column to restore the task to.");
                var siblings = db.Tasks.Where(t => t.ColumnId == columnId);
                var slot = await Trash.SlotAsync(siblings, task, columnId == task.ColumnId, Limits.TasksPerColumn, "id", ct);
                task.Rank = await change.RankAtAsync(siblings, slot, TaskCommands.Reranked(columnId), ct);
                task.ColumnId = columnId;
                task.DeletedWithColumn = false;
                Trash.Unmark(task);
            }

            var view = (await ViewsAsync([task], ct))[0];
            if (trashed)
                change.Emit(new TaskRestored(view));
            return view;
        }, ct);
    }

    /// <summary>
    /// Back at its old place when its old neighbours are still adjacent there, else at the end,
    /// with exactly the tasks that went with it, in their order (not ones trashed on their own before).
    /// </summary>
    public async Task<ColumnView> RestoreColumnAsync(Caller caller, string columnId, CancellationToken ct)
    {
        var id = Limits.Id(columnId, "id");
        var boardId = await db.Columns.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => (Guid?)c.BoardId).SingleOrDefaultAsync(ct)
            ?? throw RefusalException.NotFound("Column");

        return await writer.WriteAsync(boardId, caller, BoardRole.Editor, async change =>
        {
            var column = await db.Columns.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == id && c.BoardId == boardId, ct)
                ?? throw RefusalException.NotFound("Column");
            if (column.DeletedAt is null)
                return ViewOf.Column(column, null); // its tasks are read when asked for

            var siblings = db.Columns.Where(c => c.BoardId == boardId);
            var slot = await Trash.SlotAsync(siblings, column, sameList: true, Limits.ColumnsPerBoard, "id", ct);
            column.Rank = await change.RankAtAsync(siblings, slot, ColumnCommands.Reranked, ct);
            Trash.Unmark(column);

            // No live task is ever in a trashed column (creates and moves refuse it), so their old ranks still order them.
            var tasks = await db.Tasks.IgnoreQueryFilters()
                .Where(t => t.ColumnId == id && t.DeletedAt != null && t.DeletedWithColumn).ToListAsync(ct);
            foreach (var task in tasks)
            {
                task.DeletedWithColumn = false;
                Trash.Unmark(task);
            }

            var view = ViewOf.Column(column, await ViewsAsync(tasks.OrderBy(t => t.Rank, StringComparer.Ordinal).ToList(), ct));
            change.Emit(new ColumnRestored(view));
            return view;
        }, ct);
    }

    /// <summary>The tasks as views, their parts read past the trash filter (they are still trashed in the database until the change saves).</summary>
    private async Task<IReadOnlyList<TaskView>> ViewsAsync(IReadOnlyList<BoardTask> tasks, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var creators = await users.ViewsAsync(tasks.Select(t => t.CreatedById), ct);
        var parts = await TaskParts.OfAsync(db, db.Tasks.IgnoreQueryFilters().Where(t => ids.Contains(t.Id)), ct);
        return tasks.Select(t => ViewOf.Task(t, creators[t.CreatedById], parts(t.Id))).ToList();
    }
}
