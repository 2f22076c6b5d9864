namespace Kanban.Server.Boards;

public sealed class Member
{
    public Guid BoardId { get; set; }
    public required string UserId { get; set; }
    public BoardRole Role { get; set; }
}
