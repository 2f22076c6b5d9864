using Kanban.Client;
using Kanban.Tests.Support;

namespace Kanban.Tests.Search;

/// <summary>
/// Comments, assignees and due dates for the read tests, through the real mutations (addComment,
/// editComment, deleteComment, updateTask's dueDate and addAssigneeIds), each sent by the given
/// user, so the search index is seen to follow what a client does. The helpers began as rows
/// written straight into the database before those mutations existed; they keep their shape
/// (the server first) so the tests read as they did.
/// </summary>
public static class TaskDetailRows
{
    public static async Task<string> AddCommentAsync(this KanbanServer server, Api author, string taskId, string body) =>
        (await author.AddCommentAsync(taskId, body)).Str("id");

    public static Task EditCommentAsync(this KanbanServer server, Api author, string commentId, string body) =>
        author.DataAsync(TaskDetailApi.EditComment, new { i = new { id = commentId, body } });

    public static Task DeleteCommentAsync(this KanbanServer server, Api author, string commentId) =>
        author.DataAsync(TaskDetailApi.DeleteComment, new { id = commentId });

    /// <summary>Assigns <paramref name="assignee"/> to the task: the editor's updateTask with addAssigneeIds (the assignee must be a member).</summary>
    public static Task AssignAsync(this KanbanServer server, Api editor, string taskId, Api assignee) =>
        editor.UpdateTaskAsync(new { id = taskId, addAssigneeIds = new[] { assignee.UserId } });

    /// <summary>Sets the due date (<c>YYYY-MM-DD</c>) or clears it (null): the editor's updateTask with dueDate.</summary>
    public static Task SetDueDateAsync(this KanbanServer server, Api editor, string taskId, string? dueDate) =>
        editor.UpdateTaskAsync(new { id = taskId, dueDate });
}
