namespace Kanban.Server.Boards;

/// <summary>Roles are ordered: each one can do everything the one below it can.</summary>
public enum BoardRole
{
    Viewer = 0,
    Editor = 1,
    Owner = 2,
}

public sealed class Member
{
    public Guid BoardId { get; set; }
    public required string UserId { get; set; }
    public BoardRole Role { get; set; }
}
