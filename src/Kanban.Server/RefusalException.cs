namespace Kanban.Server;

/// <summary>The contract's error codes. Every expected failure is one of these.</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string Validation = "VALIDATION";
    public const string Conflict = "CONFLICT";
    public const string RateLimited = "RATE_LIMITED";
    public const string Internal = "INTERNAL";
}

/// <summary>
/// An expected refusal of what a caller asked: not signed in, not allowed, not found, invalid,
/// in conflict. The write path throws it before commit, so a refused mutation changes nothing;
/// GraphQL maps it to <c>extensions.code</c> and the hub to its error message. It is the
/// caller's business, never logged as an error.
/// </summary>
public sealed class RefusalException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>The input field at fault, for VALIDATION.</summary>
    public string? Field { get; private init; }

    /// <summary>The item as it is now, for a CONFLICT on <c>expectedVersion</c>.</summary>
    public object? Current { get; private init; }

    /// <summary>For a CONFLICT on <c>expectedVersion</c>: who made the change it ran into, when the history still tells.</summary>
    public UserView? ChangedBy { get; private init; }

    public static RefusalException Validation(string field, string message) => new(ErrorCodes.Validation, message) { Field = field };
    public static RefusalException NotFound(string what) => new(ErrorCodes.NotFound, $"{what} not found.");
    public static RefusalException Forbidden(string message = "You are not allowed to do this on this board.") => new(ErrorCodes.Forbidden, message);
    public static RefusalException Conflict(string message, object? current = null, UserView? changedBy = null) =>
        new(ErrorCodes.Conflict, message) { Current = current, ChangedBy = changedBy };
    public static RefusalException Unauthenticated() => new(ErrorCodes.Unauthenticated, "Sign in first.");
}
