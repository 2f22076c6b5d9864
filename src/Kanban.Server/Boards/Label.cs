namespace Kanban.Server.Boards;

/// <summary>A label of one board; tasks of that board carry it through <see cref="TaskLabel"/>.</summary>
public sealed class Label
{
    public Guid Id { get; set; }
    public Guid BoardId { get; set; }
    public required string Name { get; set; }
    public LabelColor Color { get; set; }
}
