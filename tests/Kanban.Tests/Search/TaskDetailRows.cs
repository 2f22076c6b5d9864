using Kanban.Server.Boards;
using Kanban.Server.Data;
using Kanban.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Tests.Search;

/// <summary>
/// Comments, assignees and due dates for the read tests, written straight into the server's
/// database: their mutations (addComment, editComment, deleteComment, updateTask's dueDate and
/// addAssigneeIds) come with the write side of #12. When that is merged, each helper becomes its
/// mutation, sent by the given user, and the tests stay as they are: this file is the one edit.
/// The rows go through EF, so the search index still follows them by its own triggers and
/// generated columns, as it will follow the mutations.
/// </summary>
public static class TaskDetailRows
{
    public static async Task<string> AddCommentAsync(this KanbanServer server, Api author, string taskId, string body)
    {
        var id = Guid.CreateVersion7();
        await WriteAsync(server, async db =>
        {
            var task = await db.Tasks.SingleAsync(t => t.Id == Guid.Parse(taskId));
            db.Comments.Add(new Comment
            {
                Id = id, TaskId = task.Id, BoardId = task.BoardId, AuthorId = author.UserId, Body = body, CreatedAt = DateTimeOffset.UtcNow,
            });
        });
        return id.ToString();
    }

    public static Task EditCommentAsync(this KanbanServer server, Api author, string commentId, string body) =>
        WriteAsync(server, async db =>
        {
            var comment = await db.Comments.SingleAsync(c => c.Id == Guid.Parse(commentId) && c.AuthorId == author.UserId);
            comment.Body = body;
            comment.EditedAt = DateTimeOffset.UtcNow;
        });

    public static Task DeleteCommentAsync(this KanbanServer server, Api author, string commentId) =>
        WriteAsync(server, async db => db.Comments.Remove(await db.Comments.SingleAsync(c => c.Id == Guid.Parse(commentId) && c.AuthorId == author.UserId)));

    /// <summary>Assigns <paramref name="assignee"/> to the task (the write side will check membership; this does not).</summary>
    public static Task AssignAsync(this KanbanServer server, Api editor, string taskId, Api assignee) =>
        WriteAsync(server, async db =>
        {
            var task = await db.Tasks.SingleAsync(t => t.Id == Guid.Parse(taskId));
            db.TaskAssignees.Add(new TaskAssignee { TaskId = task.Id, BoardId = task.BoardId, UserId = assignee.UserId });
        });

    /// <summary>Sets the due date (<c>YYYY-MM-DD</c>) or clears it (null).</summary>
    public static Task SetDueDateAsync(this KanbanServer server, Api editor, string taskId, string? dueDate) =>
        WriteAsync(server, async db =>
        {
            var task = await db.Tasks.SingleAsync(t => t.Id == Guid.Parse(taskId));
            task.DueDate = dueDate is null ? null : DateOnly.Parse(dueDate);
        });

    private static async Task WriteAsync(KanbanServer server, Func<KanbanDb, Task> change)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KanbanDb>();
        await change(db);
        await db.SaveChangesAsync();
    }
}
