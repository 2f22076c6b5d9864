using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Kanban.Server.Auth;

/// <summary>
/// Refuses a cookie or bearer token whose session has ended (see <see cref="SessionStamps"/>), on
/// every request: GraphQL, the hub's negotiate and connect, and /auth itself; and opens each
/// cookie and token once (<see cref="RememberedTickets"/>).
/// </summary>
public static class SessionCheck
{
    public static IServiceCollection AddSessionCheck(this IServiceCollection services)
    {
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<RememberedTickets>();

        // Identity's own validator looks at the stamp only every 30 minutes; ours runs first, each time.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var identity = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                if (await Stamps(ctx.HttpContext).IsCurrentAsync(ctx.Principal))
                {
                    await identity(ctx);
                    return;
                }
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            };
        });

        // After the cookie handler's own PostConfigure (registered with Identity, before this), which makes the format.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<RememberedTickets>((o, tickets) => o.TicketDataFormat = new RememberedCookieFormat(
                o.TicketDataFormat ?? throw new InvalidOperationException("The session cookie has no ticket format yet."), tickets));

        // The bearer handler has no event after it reads the token, so this reads it first (from where
        // the handler will: the header, or what an earlier handler of this event found, such as the
        // hub's ?access_token=). PostConfigure: after every Configure, so it wraps the hub's handler.
        services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            var received = o.Events.OnMessageReceived;
            o.Events.OnMessageReceived = async ctx =>
            {
                await received(ctx);
                if (ctx.Result is not null || (ctx.Token ?? HeaderToken(ctx.Request)) is not { } token)
                    return;
                var tickets = ctx.HttpContext.RequestServices.GetRequiredService<RememberedTickets>();
                // A token that does not open is left to the handler, which refuses it the usual way.
                if (tickets.Open(token, ctx.Options.BearerTokenProtector) is not { } ticket)
                    return;
                if (!await Stamps(ctx.HttpContext).IsCurrentAsync(ticket.Principal))
                {
                    ctx.Fail("The session has ended.");
                    return;
                }
                // Opened here, so the handler need not open it again: what it would accept, accepted
                // as it would (a ticket with an expiry not yet reached), each request with its own copy.
                // An expired one is left to it, to be refused the usual way.
                if (ticket.Properties.ExpiresUtc is { } expires && (ctx.Options.TimeProvider ?? TimeProvider.System).GetUtcNow() < expires)
                {
                    ctx.Principal = ticket.Principal.Clone();
                    ctx.Properties = ticket.Properties.Clone();
                    ctx.Success();
                }
            };
        });
        return services;
    }

    private static SessionStamps Stamps(HttpContext http) => http.RequestServices.GetRequiredService<SessionStamps>();

    // As the bearer handler reads it.
    private static string? HeaderToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header["Bearer ".Length..] : null;
}
