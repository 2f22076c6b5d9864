namespace Kanban.Server.Boards;

/// <summary>
/// A task or column that goes to the board's trash when deleted: the row stays, marked, and
/// every read leaves it out (the model's query filter) until it is restored or purged.
/// </summary>
public interface ITrashable : IRanked
{
    /// <summary>Null while the item is on the board.</summary>
    DateTimeOffset? DeletedAt { get; set; }

    string? DeletedById { get; set; }

    // When it was deleted it stood right after DeletedAfterId and right before DeletedBeforeId
    // (null: it was first, or last). A restore puts it back between them when they are still
    // adjacent, else at the end.
    Guid? DeletedAfterId { get; set; }
    Guid? DeletedBeforeId { get; set; }
}
