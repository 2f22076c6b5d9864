namespace Kanban.Server.Boards;

/// <summary>One line of a task's checklist, ordered by rank like tasks in a column.</summary>
public sealed class ChecklistItem : IRanked
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid BoardId { get; set; }
    public required string Text { get; set; }
    public bool Done { get; set; }
    public required string Rank { get; set; }
}
