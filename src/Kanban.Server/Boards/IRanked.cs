namespace Kanban.Server.Boards;

/// <summary>An item kept in order among its siblings by a fractional-index rank.</summary>
public interface IRanked
{
    Guid Id { get; }
    string Rank { get; set; }
}
