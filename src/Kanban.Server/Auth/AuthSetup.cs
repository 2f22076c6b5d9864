using System.Security.Claims;
using Kanban.Server.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Kanban.Server.Auth;

public static class AuthSetup
{
    /// <summary>
    /// Identity's API endpoints with cookies and bearer tokens, keys kept in the database; sessions
    /// that end on logout, single-use refresh tokens, refusals that tell nothing, a rate limit.
    /// </summary>
    public static IServiceCollection AddKanbanAuth(this IServiceCollection services)
    {
        // Keys live in the database (SQLite in DATA_DIR, or the shared PostgreSQL), so a restart
        // or a second server signs nobody out.
        services.AddDataProtection().SetApplicationName("Kanban").PersistKeysToDbContext<KanbanDb>();

        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                // No lockout: it let anyone lock anyone out. LoginThrottle holds back one address from one account instead.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<KanbanDb>()
            .AddUserManager<KanbanUserManager>()
            .AddSignInManager<KanbanSignInManager>()
            .AddClaimsPrincipalFactory<GrantClaims>();
        services.AddSessionCheck();
        services.AddSingleton<RefreshTokenRotation>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<DecoyPassword>();
        services.AddAuthRateLimit();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "kanban.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // An API answers 401/403; it never redirects to a login page.
            o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        services.AddAuthorization();
        return services;
    }

    /// <summary>The caller of a request, or null when nobody is signed in.</summary>
    public static Caller? CallerOf(HttpContext http, string? origin) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? new Caller(userId, origin) : null;
}
