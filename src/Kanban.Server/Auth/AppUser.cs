using Microsoft.AspNetCore.Identity;

namespace Kanban.Server.Auth;

public sealed class AppUser : IdentityUser
{
    /// <summary>Set by updateProfile; until then the name is the part of the email before '@'.</summary>
    public string? DisplayName { get; set; }

    public static string NameOf(string? displayName, string? email) =>
        displayName ?? (email is null ? "" : email.Split('@')[0]);
}
