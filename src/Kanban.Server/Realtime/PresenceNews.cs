namespace Kanban.Server.Realtime;

/// <summary>
/// When a room hears who is in it. A small room hears every change, down to one more tab of
/// someone already there. A crowd (an all-hands, a classroom) hears only when someone arrives,
/// leaves or starts or stops editing, and less often the bigger it is: otherwise every join
/// costs every viewer a message, and 2,000 joins cost millions.
/// </summary>
public static class PresenceNews
{
    /// <summary>Rooms of up to this many connections also hear a change in someone's connection count.</summary>
    public const int SmallRoom = 20;

    /// <summary>
    /// Whether the viewers <paramref name="now"/> are news after <paramref name="told"/> (what the
    /// room heard last; null when it heard nothing yet). Counts alone are news to a small room only;
    /// the next announcement a crowd hears carries them anyway.
    /// </summary>
    public static bool IsNews(IReadOnlyList<Viewer>? told, IReadOnlyList<Viewer> now) =>
        told is null || now.Sum(v => v.Connections) <= SmallRoom || !SamePeopleDoingTheSame(told, now);

    /// <summary>
    /// How long changes gather into one announcement: 50 ms, and 1 ms per connection in a bigger
    /// room (at most 2 s), so a crowd hears a burst of arrivals as a few announcements.
    /// </summary>
    public static TimeSpan Settle(int connections) => TimeSpan.FromMilliseconds(Math.Clamp(connections, 50, 2000));

    private static bool SamePeopleDoingTheSame(IReadOnlyList<Viewer> told, IReadOnlyList<Viewer> now) =>
        told.Count == now.Count && told.Zip(now).All(p => p.First.User == p.Second.User && p.First.EditingTaskId == p.Second.EditingTaskId);
}
