namespace Kanban.Server.Boards;

/// <summary>A comment on a task; its body is Markdown, rendered by clients without raw HTML.</summary>
public sealed class Comment
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid BoardId { get; set; }
    public required string AuthorId { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
}
