using Microsoft.AspNetCore.Identity;

namespace Kanban.Server.Auth;

public static class AuthEndpoints
{
    /// <summary>Identity's API endpoints under /auth, plus the logout that Identity leaves to the app.</summary>
    public static IEndpointRouteBuilder MapKanbanAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth");
        auth.MapIdentityApi<AppUser>();
        // Ends the browser session (the cookie). A bearer token simply stops being sent by its client.
        auth.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Ok();
        });
        return app;
    }
}
