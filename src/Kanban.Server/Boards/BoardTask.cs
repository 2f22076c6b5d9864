namespace Kanban.Server.Boards;

/// <summary>A task on a board ("BoardTask" so it does not clash with System.Threading.Tasks.Task).</summary>
public sealed class BoardTask : ITrashable
{
    public Guid Id { get; set; }
    public Guid BoardId { get; set; }
    public Guid ColumnId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public required string Rank { get; set; }

    /// <summary>Starts at 1 and grows by one with every edit or move.</summary>
    public int Version { get; set; } = 1;

    /// <summary>A calendar date with no time or zone: due on that day wherever one is.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Kept with the task so the board loads without counting comments.</summary>
    public int CommentCount { get; set; }

    // The version at which each field last changed (0: not since it was created). An update made on
    // version n conflicts only when a field it sets changed after n, so edits of different fields
    // and moves do not get in each other's way.
    public int TitleVersion { get; set; }
    public int DescriptionVersion { get; set; }
    public int DueDateVersion { get; set; }
    public int PlaceVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string CreatedById { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedById { get; set; }
    public Guid? DeletedAfterId { get; set; }
    public Guid? DeletedBeforeId { get; set; }

    /// <summary>It went with its column, and comes back when the column does (not when deleted on its own before).</summary>
    public bool DeletedWithColumn { get; set; }
}
