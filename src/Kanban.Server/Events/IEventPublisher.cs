namespace Kanban.Server.Events;

/// <summary>
/// Sends committed events to the board's live viewers. The write path calls it after commit,
/// never before, and while it still holds the board's write gate: so a board's events are
/// handed over in seq order. It only enqueues; the log, not the socket, is the truth, so a
/// lost send is a gap that clients fill from <c>boardEvents</c>.
/// </summary>
public interface IEventPublisher
{
    void Publish(IReadOnlyList<BoardEvent> events);
}
