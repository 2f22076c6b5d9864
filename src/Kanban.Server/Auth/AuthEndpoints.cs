using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Kanban.Server.Auth;

public static class AuthEndpoints
{
    /// <summary>
    /// Identity's API endpoints under /auth, rate-limited per client address, with our rules on top
    /// of some of them, plus the logout that Identity leaves to the app.
    /// </summary>
    public static IEndpointRouteBuilder MapKanbanAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").RequireRateLimiting(AuthRateLimit.Policy);
        var rotation = app.ServiceProvider.GetRequiredService<RefreshTokenRotation>();
        auth.FilterEndpointsTaking<RegisterRequest>(QuietRegistration.FilterAsync);
        auth.FilterEndpointsTaking<RefreshRequest>(rotation.FilterAsync);
        auth.FilterEndpointsTaking<InfoRequest>(PasswordChange.FilterAsync);
        auth.MapIdentityApi<AppUser>();

        // Ends every session of the user, cookie or bearer, on every server: they all carry the
        // security stamp that this replaces (see SessionStamps). Then clears the browser's cookie.
        auth.MapPost("/logout", async (HttpContext http, SignInManager<AppUser> signIn) =>
        {
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.Ok();
        });
        return app;
    }

    /// <summary>Identity's endpoints are told apart by the request type their handler takes.</summary>
    private static void FilterEndpointsTaking<TRequest>(this RouteGroupBuilder group,
        Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> filter) =>
        group.AddEndpointFilterFactory((endpoint, next) =>
            endpoint.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(TRequest)) ? ctx => filter(ctx, next) : next);
}
