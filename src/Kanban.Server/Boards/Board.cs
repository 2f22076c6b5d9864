namespace Kanban.Server.Boards;

public sealed class Board
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The number of the board's latest event; bumped in the transaction that logs it.</summary>
    public long Seq { get; set; }

    public required string CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
