using GraphQL;
using Kanban.Server.Auth;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL;

/// <summary>What resolvers know of the request: who is calling.</summary>
public sealed class KanbanUserContext(Caller? caller) : Dictionary<string, object?>
{
    public Caller? Caller { get; } = caller;
}

public static class ResolveContextExtensions
{
    /// <summary>The signed-in caller; every field but introspection needs one.</summary>
    public static Caller Caller(this IResolveFieldContext ctx) =>
        (ctx.UserContext as KanbanUserContext)?.Caller ?? throw RefusalException.Unauthenticated();

    public static T Service<T>(this IResolveFieldContext ctx) where T : notnull =>
        ctx.RequestServices!.GetRequiredService<T>();
}
