using Kanban.Server.Auth;
using Kanban.Server.Data;
using Kanban.Server.Events;
using Kanban.Server.History;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Server.Boards;

public sealed record AddCommentInput(string? Id, string TaskId, string Body);
public sealed record EditCommentInput(string Id, string Body);

/// <summary>
/// Comments on tasks. Any member may comment, VIEWERs too; a comment is edited only by its author
/// and deleted by its author or an OWNER. The task keeps its comment count, so a board loads
/// without counting; comments are no edit of the task (its version stays).
/// </summary>
public sealed class CommentCommands(KanbanDb db, BoardWriter writer, UserDirectory users, WriteQueries queries)
{
    public async Task<CommentView> AddAsync(Caller caller, AddCommentInput input, CancellationToken ct)
    {
        var id = Limits.NewOrGiven(input.Id, "id");
        var taskId = Limits.Id(input.TaskId, "taskId");
        var body = Limits.CommentBody(input.Body);
        var boardId = await queries.BoardOfTask(db, taskId, ct) ?? throw RefusalException.NotFound("Task");

        return await writer.WriteAsync(boardId, caller, BoardRole.Viewer, async change =>
        {
            var existing = await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
            if (existing is not null)
            {
                // A retry of the caller's own comment is safe: answer with it as it is now.
                return existing.TaskId == taskId && existing.AuthorId == caller.UserId
                    ? ViewOf.Comment(existing, change.Actor)
                    : throw RefusalException.Conflict("That comment ID is already in use.");
            }
            if (await db.RetiredIds.AnyAsync(r => r.Id == id, ct))
                throw RefusalException.Conflict("That comment ID belonged to a deleted comment.");
            var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId && t.BoardId == boardId, ct)
                ?? throw RefusalException.NotFound("Task");

            var comment = new Comment { Id = id, TaskId = taskId, BoardId = boardId, AuthorId = caller.UserId, Body = body, CreatedAt = change.Now };
            db.Comments.Add(comment);
            task.CommentCount++;
            var view = ViewOf.Comment(comment, change.Actor);
            change.Emit(new CommentCreated(taskId, view), Notes.CommentCreated(taskId, task.Title));
            return view;
        }, ct);
    }

    public async Task<CommentView> EditAsync(Caller caller, EditCommentInput input, CancellationToken ct)
    {
        var id = Limits.Id(input.Id, "id");
        var body = Limits.CommentBody(input.Body);
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Viewer, async change =>
        {
            var comment = await LoadAsync(id, change, ct);
            if (comment.AuthorId != caller.UserId)
                throw RefusalException.Forbidden("Only its author edits a comment.");
            if (comment.Body != body)
            {
                comment.Body = body;
                comment.EditedAt = change.Now;
                change.Emit(new CommentUpdated(comment.TaskId, id, new CommentChanges(body, change.Now.UtcDateTime)),
                    Notes.CommentUpdated(comment.TaskId, await TaskTitleAsync(comment.TaskId, ct)));
            }
            return ViewOf.Comment(comment, change.Actor);
        }, ct);
    }

    public async Task<DeletePayload> DeleteAsync(Caller caller, string commentId, CancellationToken ct)
    {
        var id = Limits.Id(commentId, "id");
        return await writer.WriteAsync(await BoardOfAsync(id, ct), caller, BoardRole.Viewer, async change =>
        {
            var comment = await LoadAsync(id, change, ct);
            if (comment.AuthorId != caller.UserId && change.Role != BoardRole.Owner)
                throw RefusalException.Forbidden("Only its author or an OWNER deletes a comment.");
            db.Comments.Remove(comment);
            db.RetiredIds.Add(new RetiredId { Id = id });
            // The count changes in the database, not from what this change read, so it cannot drift.
            await db.Tasks.Where(t => t.Id == comment.TaskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CommentCount, t => t.CommentCount - 1), ct);
            change.Emit(new CommentDeleted(comment.TaskId, id), Notes.CommentDeleted(comment.TaskId, await TaskTitleAsync(comment.TaskId, ct)));
            return new DeletePayload(id);
        }, ct);
    }

    /// <summary>A task's comments, oldest first, <paramref name="first"/> of them after the comment <paramref name="after"/>.</summary>
    public async Task<CommentPage> PageAsync(Guid taskId, int first, string? after, CancellationToken ct)
    {
        if (first is < 1 or > Limits.MaxCommentPage)
            throw RefusalException.Validation("first", $"first must be 1 to {Limits.MaxCommentPage}.");
        var comments = db.Comments.AsNoTracking().Where(c => c.TaskId == taskId);
        if (after is not null)
        {
            var afterId = Limits.Id(after, "after");
            var cursor = await comments.Where(c => c.Id == afterId).Select(c => new { c.CreatedAt }).SingleOrDefaultAsync(ct)
                ?? throw RefusalException.Validation("after", "after must be a comment of this task.");
            // Oldest first, ties by ID: the cursor is the (createdAt, id) of the last comment seen.
            comments = comments.Where(c => c.CreatedAt > cursor.CreatedAt || (c.CreatedAt == cursor.CreatedAt && c.Id.CompareTo(afterId) > 0));
        }
        var rows = await comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(first + 1).ToListAsync(ct);
        var authors = await users.ViewsAsync(rows.Select(c => c.AuthorId), ct);
        return new CommentPage(rows.Take(first).Select(c => ViewOf.Comment(c, authors[c.AuthorId])).ToList(), rows.Count > first);
    }

    /// <summary>The task's title, which the history names a comment's change by.</summary>
    private async Task<string> TaskTitleAsync(Guid taskId, CancellationToken ct) =>
        await db.Tasks.Where(t => t.Id == taskId).Select(t => t.Title).SingleAsync(ct);

    private async Task<Guid> BoardOfAsync(Guid commentId, CancellationToken ct) =>
        await db.Comments.Where(c => c.Id == commentId).Select(c => (Guid?)c.BoardId).SingleOrDefaultAsync(ct)
        ?? throw RefusalException.NotFound("Comment");

    // A comment of a task in the trash is out of reach with it (db.Tasks leaves trashed tasks out).
    private async Task<Comment> LoadAsync(Guid id, BoardChange change, CancellationToken ct) =>
        await db.Comments.SingleOrDefaultAsync(c => c.Id == id && c.BoardId == change.Board.Id && db.Tasks.Any(t => t.Id == c.TaskId), ct)
        ?? throw RefusalException.NotFound("Comment");
}

public sealed record CommentPage(IReadOnlyList<CommentView> Comments, bool HasMore);
