namespace Kanban.Server.Boards;

/// <summary>
/// The seq of the last event this request's changes committed (one per request). A GraphQL
/// mutation answers it as <c>extensions.seq</c>, so a client holding a pending change knows it is
/// confirmed exactly when its board's seq reaches that number.
/// </summary>
public sealed class LastCommit
{
    public long? Seq { get; private set; }

    public void Committed(long seq) => Seq = seq;
}
