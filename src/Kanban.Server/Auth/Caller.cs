namespace Kanban.Server.Auth;

/// <summary>Who is asking: the signed-in user and, when the request named one, the client (X-Client-Id).</summary>
public sealed record Caller(string UserId, string? Origin);
