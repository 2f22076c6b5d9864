namespace Kanban.Server.Realtime;

/// <summary>
/// The answer to <c>JoinBoard</c>: the board's seq, and either the logged events after the
/// client's seq (each exactly as it was pushed) or, when the log cannot bring it up to date,
/// the whole board; and who is looking at the board now.
/// </summary>
public sealed record JoinAnswer(long Seq, IReadOnlyList<Wire> Events, Wire? Snapshot, IReadOnlyList<Viewer> Presence);
