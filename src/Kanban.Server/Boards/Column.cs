namespace Kanban.Server.Boards;

public sealed class Column : IRanked
{
    public Guid Id { get; set; }
    public Guid BoardId { get; set; }
    public required string Name { get; set; }
    public required string Rank { get; set; }
    public required string CreatedById { get; set; }
}
