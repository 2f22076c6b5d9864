namespace Kanban.Server.Auth;

/// <summary>A refresh token that has been used, kept until it would have expired anyway.</summary>
public sealed class SpentRefreshToken
{
    /// <summary>The grant ID the token carries (<see cref="GrantClaims"/>).</summary>
    public required string Grant { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }
}
