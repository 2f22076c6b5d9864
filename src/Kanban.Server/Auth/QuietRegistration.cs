using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Kanban.Server.Auth;

/// <summary>
/// Registering an email that already has an account answers exactly as registering a new one (200,
/// no body) and changes nothing. Identity checks and hashes the password before it looks for the
/// email, so a duplicate takes as long as a new account, short of the insert.
/// </summary>
public static class QuietRegistration
{
    private static readonly string[] Telling = [nameof(IdentityErrorDescriber.DuplicateEmail), nameof(IdentityErrorDescriber.DuplicateUserName)];

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var result = await next(ctx);
        if ((result as INestedHttpResult)?.Result is not ValidationProblem problem || !problem.ProblemDetails.Errors.Keys.Any(Telling.Contains))
            return result;
        // Whatever else is wrong (a weak password) is still said, as it would be for a new email.
        var rest = problem.ProblemDetails.Errors.Where(e => !Telling.Contains(e.Key)).ToDictionary();
        return rest.Count == 0 ? TypedResults.Ok() : TypedResults.ValidationProblem(rest);
    }
}
