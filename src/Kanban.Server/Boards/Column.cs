namespace Kanban.Server.Boards;

public sealed class Column : ITrashable
{
    public Guid Id { get; set; }
    public Guid BoardId { get; set; }
    public required string Name { get; set; }
    public required string Rank { get; set; }
    public required string CreatedById { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedById { get; set; }
    public Guid? DeletedAfterId { get; set; }
    public Guid? DeletedBeforeId { get; set; }
}
