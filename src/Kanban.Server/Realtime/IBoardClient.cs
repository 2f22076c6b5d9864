using Kanban.Server.Events;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Server.Realtime;

/// <summary>What the server calls on clients: one method per event of the contract, each with one flat object.</summary>
public interface IBoardClient
{
    [HubMethodName(EventTypes.TaskCreated)] Task TaskCreated(object e);
    [HubMethodName(EventTypes.TaskUpdated)] Task TaskUpdated(object e);
    [HubMethodName(EventTypes.TaskMoved)] Task TaskMoved(object e);
    [HubMethodName(EventTypes.TaskDeleted)] Task TaskDeleted(object e);
    [HubMethodName(EventTypes.TasksReranked)] Task TasksReranked(object e);
    [HubMethodName(EventTypes.ColumnCreated)] Task ColumnCreated(object e);
    [HubMethodName(EventTypes.ColumnUpdated)] Task ColumnUpdated(object e);
    [HubMethodName(EventTypes.ColumnMoved)] Task ColumnMoved(object e);
    [HubMethodName(EventTypes.ColumnDeleted)] Task ColumnDeleted(object e);
    [HubMethodName(EventTypes.ColumnsReranked)] Task ColumnsReranked(object e);
    [HubMethodName(EventTypes.BoardUpdated)] Task BoardUpdated(object e);
    [HubMethodName(EventTypes.BoardDeleted)] Task BoardDeleted(object e);
    [HubMethodName(EventTypes.MemberAdded)] Task MemberAdded(object e);
    [HubMethodName(EventTypes.MemberRemoved)] Task MemberRemoved(object e);
    [HubMethodName(EventTypes.PresenceChanged)] Task PresenceChanged(object e);
}

public static class BoardClientExtensions
{
    /// <summary>Calls the client method named by a logged event's type.</summary>
    public static Task Send(this IBoardClient client, string type, object e) => type switch
    {
        EventTypes.TaskCreated => client.TaskCreated(e),
        EventTypes.TaskUpdated => client.TaskUpdated(e),
        EventTypes.TaskMoved => client.TaskMoved(e),
        EventTypes.TaskDeleted => client.TaskDeleted(e),
        EventTypes.TasksReranked => client.TasksReranked(e),
        EventTypes.ColumnCreated => client.ColumnCreated(e),
        EventTypes.ColumnUpdated => client.ColumnUpdated(e),
        EventTypes.ColumnMoved => client.ColumnMoved(e),
        EventTypes.ColumnDeleted => client.ColumnDeleted(e),
        EventTypes.ColumnsReranked => client.ColumnsReranked(e),
        EventTypes.BoardUpdated => client.BoardUpdated(e),
        EventTypes.BoardDeleted => client.BoardDeleted(e),
        EventTypes.MemberAdded => client.MemberAdded(e),
        EventTypes.MemberRemoved => client.MemberRemoved(e),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a logged event type."),
    };

    public static string Group(Guid boardId) => $"board:{boardId}";
}
