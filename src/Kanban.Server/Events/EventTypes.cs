namespace Kanban.Server.Events;

/// <summary>The names of the contract's events: the SignalR client method and the log's <c>type</c>.</summary>
public static class EventTypes
{
    public const string TaskCreated = "task:created";
    public const string TaskUpdated = "task:updated";
    public const string TaskMoved = "task:moved";
    public const string TaskDeleted = "task:deleted";
    public const string TasksReranked = "tasks:reranked";
    public const string ColumnCreated = "column:created";
    public const string ColumnUpdated = "column:updated";
    public const string ColumnMoved = "column:moved";
    public const string ColumnDeleted = "column:deleted";
    public const string ColumnsReranked = "columns:reranked";
    public const string BoardUpdated = "board:updated";
    public const string BoardDeleted = "board:deleted";
    public const string MemberAdded = "member:added";
    public const string MemberRemoved = "member:removed";
    public const string PresenceChanged = "presence:changed";
}
