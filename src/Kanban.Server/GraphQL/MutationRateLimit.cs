using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kanban.Server.GraphQL;

/// <summary>
/// A token bucket per user for mutations: RATE_LIMIT_PER_SECOND refilled each second up to
/// RATE_LIMIT_BURST. Generous for a person, a brake for a runaway script. 0 turns it off.
/// </summary>
public sealed class MutationRateLimit(IOptions<KanbanOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter = options.Value.RateLimitPerSecond <= 0 ? null :
        PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(options.Value.RateLimitBurst, options.Value.RateLimitPerSecond),
            TokensPerPeriod = options.Value.RateLimitPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Takes one token per mutation field; false when the user has none left.</summary>
    public bool TryTake(string user, int mutations)
    {
        if (_limiter is null)
            return true;
        if (mutations > Math.Max(options.Value.RateLimitBurst, options.Value.RateLimitPerSecond))
            return false;
        using var lease = _limiter.AttemptAcquire(user, mutations);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter?.Dispose();
}
