using GraphQL;
using GraphQL.Types;

namespace Kanban.Server.GraphQL;

public sealed class KanbanSchema : Schema
{
    public KanbanSchema(IServiceProvider services, KanbanQuery query, KanbanMutation mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        // Introspection cost depends on the schema, not on data, and depth already bounds it.
        this.WithIntrospectionComplexityImpact(0.1);
    }
}
