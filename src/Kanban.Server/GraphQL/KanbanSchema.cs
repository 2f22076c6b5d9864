using GraphQL.Types;

namespace Kanban.Server.GraphQL;

public sealed class KanbanSchema : Schema
{
    public KanbanSchema(IServiceProvider services, KanbanQuery query, KanbanMutation mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
    }
}
