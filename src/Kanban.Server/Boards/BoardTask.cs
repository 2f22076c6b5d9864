namespace Kanban.Server.Boards;

/// <summary>A task on a board ("BoardTask" so it does not clash with System.Threading.Tasks.Task).</summary>
public sealed class BoardTask : IRanked
{
    public Guid Id { get; set; }
    public Guid BoardId { get; set; }
    public Guid ColumnId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public required string Rank { get; set; }

    /// <summary>Starts at 1 and grows by one with every edit or move.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string CreatedById { get; set; }
}
