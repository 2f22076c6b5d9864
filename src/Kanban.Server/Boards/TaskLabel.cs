namespace Kanban.Server.Boards;

/// <summary>A label on a task. Adding and removing rows (not rewriting a list) is what lets two people label at once.</summary>
public sealed class TaskLabel
{
    public Guid TaskId { get; set; }
    public Guid LabelId { get; set; }
}
