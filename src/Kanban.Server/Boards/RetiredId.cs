namespace Kanban.Server.Boards;

/// <summary>
/// The ID of a deleted board, column or task. Reusing it is a CONFLICT, so a late retry
/// of a create can never resurrect something a colleague deleted.
/// </summary>
public sealed class RetiredId
{
    public Guid Id { get; set; }
}
