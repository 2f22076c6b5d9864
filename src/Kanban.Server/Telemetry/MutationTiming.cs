using System.Diagnostics;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Kanban.Server.Boards;

namespace Kanban.Server.Telemetry;

/// <summary>
/// Wraps each mutation's resolver in a span and a duration measurement, so the mutation type
/// stays a plain list of fields and no command knows about telemetry.
/// </summary>
public sealed class MutationTiming(string mutation, IFieldResolver inner, KanbanMetrics metrics) : IFieldResolver
{
    public static void Apply(IComplexGraphType mutations, KanbanMetrics metrics)
    {
        foreach (var field in mutations.Fields)
            if (field.Resolver is { } resolver)
                field.Resolver = new MutationTiming(field.Name, resolver, metrics);
    }

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        using var span = KanbanMetrics.Traces.StartActivity($"mutation {mutation}");
        span?.SetTag("graphql.operation.type", "mutation");
        span?.SetTag("graphql.field.name", mutation);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await inner.ResolveAsync(context);
        }
        catch (RefusalException e)
        {
            outcome = e.Code;
            span?.SetStatus(ActivityStatusCode.Error, e.Code);
            throw;
        }
        catch (Exception e)
        {
            outcome = ErrorCodes.Internal;
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            metrics.Mutation(mutation, outcome, Stopwatch.GetElapsedTime(started));
        }
    }
}
