namespace Kanban.Server.Boards;

/// <summary>
/// A member who does a task. It carries the board so that a member who leaves is taken off all of
/// that board's tasks with one indexed delete, and "my tasks" is one index read by user.
/// </summary>
public sealed class TaskAssignee
{
    public Guid TaskId { get; set; }
    public required string UserId { get; set; }
    public Guid BoardId { get; set; }
}
