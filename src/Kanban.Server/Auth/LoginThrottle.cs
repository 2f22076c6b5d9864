using Microsoft.Extensions.Caching.Memory;

namespace Kanban.Server.Auth;

/// <summary>
/// Failed logins per client address and account. After <see cref="FreeFailures"/> failures that
/// address is held back from that account for a while, doubling with each further failure. Held
/// back means refused as if the password were wrong, so it tells nobody anything; and it never
/// touches the account for anyone else, unlike Identity's lockout, which let anyone lock anyone out.
/// Each server counts for itself: several servers behind one address multiply the attempts allowed.
/// </summary>
public sealed class LoginThrottle(TimeProvider time) : IDisposable
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstHold = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestHold = TimeSpan.FromMinutes(15);

    // An address that stops failing is forgotten after this; the size limit keeps a flood of
    // addresses from growing the server's memory (new pairs then simply go uncounted).
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset HeldUntil;
    }

    public bool IsHeldBack(string address, string account) =>
        _failures.TryGetValue((address, account), out Failures? failures) && failures!.HeldUntil > time.GetUtcNow();

    public void Failed(string address, string account)
    {
        var failures = _failures.GetOrCreate((address, account), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = Forget;
            return new Failures();
        })!;
        lock (failures)
        {
            failures.Count++;
            if (failures.Count >= FreeFailures)
            {
                var doublings = Math.Min(failures.Count - FreeFailures, 16);
                var hold = TimeSpan.FromTicks(Math.Min(FirstHold.Ticks << doublings, LongestHold.Ticks));
                failures.HeldUntil = time.GetUtcNow() + hold;
            }
        }
    }

    public void Succeeded(string address, string account) => _failures.Remove((address, account));

    public void Dispose() => _failures.Dispose();
}
