using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kanban.Server.Auth;

/// <summary>
/// A token bucket per client address for everything under /auth: AUTH_RATE_LIMIT_PER_MINUTE
/// requests a minute after a burst of AUTH_RATE_LIMIT_BURST. Enough for people signing in, a brake
/// on guessing passwords and on creating accounts by the thousand. 0 turns it off.
/// </summary>
public static class AuthRateLimit
{
    public const string Policy = "auth";

    public static IServiceCollection AddAuthRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) =>
            {
                var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Policy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<KanbanOptions>>().Value;
                var address = ClientAddress.Of(http);
                if (options.AuthRateLimitPerMinute <= 0)
                    return RateLimitPartition.GetNoLimiter(address);
                return RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, options.AuthRateLimitBurst),
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.AuthRateLimitPerMinute,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
}
