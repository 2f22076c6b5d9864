using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace Kanban.Server.GraphQL;

public static class GraphQLSetup
{
    /// <summary>The standard introspection query is 13 to 15 levels deep; a board with tasks is 5.</summary>
    public const int MaxDepth = 15;

    public static IServiceCollection AddKanbanGraphQL(this IServiceCollection services)
    {
        services.AddSingleton<MutationRateLimit>();
        services.AddSingleton<ValidatedDocuments>();
        services.AddScoped<BoardLookups>();
        services.AddGraphQL(b => b
            .AddSchema<KanbanSchema>()
            .AddGraphTypes(typeof(KanbanSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider<ErrorMapping>()
            // Fields share one scoped DbContext, which allows one command at a time.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddComplexityAnalyzer(c =>
            {
                c.MaxDepth = MaxDepth;
                // A list counts as 20 items: every board of a user in full (boards × columns ×
                // tasks × fields, about 100,000) fits; aliasing that query to multiply it does not.
                c.DefaultListImpactMultiplier = 20;
                c.MaxComplexity = 200_000;
            })
            .ConfigureExecutionOptions(o =>
            {
                var logger = o.RequestServices!.GetRequiredService<ILogger<KanbanSchema>>();
                o.UnhandledExceptionDelegate = ctx => ErrorMapping.LogUnexpectedAsync(ctx, logger);
            }));
        return services;
    }
}
