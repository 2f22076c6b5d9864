using GraphQL.Types;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL.Types;

public sealed class ColumnType : ObjectGraphType<ColumnView>
{
    public ColumnType()
    {
        Name = "Column";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.BoardId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Name);
        Field(c => c.Rank);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaskType>>>>("tasks")
            .ResolveAsync(async ctx => ctx.Source.Tasks
                ?? await ctx.Service<BoardReader>().TasksAsync(ctx.Source.Id, ctx.CancellationToken));
    }
}
