namespace Kanban.Server.Events;

/// <summary>
/// Sends committed events to the board's live viewers. Called by the write path after commit,
/// never before: the log, not the socket, is the truth, so a lost publish is a gap that
/// clients fill from <c>boardEvents</c>.
/// </summary>
public interface IEventPublisher
{
    ValueTask PublishAsync(IReadOnlyList<BoardEvent> events, CancellationToken cancellationToken);
}

/// <summary>Used until a realtime transport is registered.</summary>
internal sealed class NoEventPublisher : IEventPublisher
{
    public ValueTask PublishAsync(IReadOnlyList<BoardEvent> events, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
