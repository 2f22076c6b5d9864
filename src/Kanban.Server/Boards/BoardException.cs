namespace Kanban.Server.Boards;

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
/// An expected failure of a board operation. The write path throws it before commit, so a
/// failed mutation changes nothing; the GraphQL layer maps it to <c>extensions.code</c>.
/// </summary>
public sealed class BoardException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>The input field at fault, for VALIDATION.</summary>
    public string? Field { get; private init; }

    /// <summary>The item as it is now, for a CONFLICT on <c>expectedVersion</c>.</summary>
    public object? Current { get; private init; }

    public static BoardException Validation(string field, string message) => new(ErrorCodes.Validation, message) { Field = field };
    public static BoardException NotFound(string what) => new(ErrorCodes.NotFound, $"{what} not found.");
    public static BoardException Forbidden(string message = "You are not allowed to do this on this board.") => new(ErrorCodes.Forbidden, message);
    public static BoardException Conflict(string message, object? current = null) => new(ErrorCodes.Conflict, message) { Current = current };
    public static BoardException Unauthenticated() => new(ErrorCodes.Unauthenticated, "Sign in first.");
}
