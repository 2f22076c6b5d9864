using GraphQL.Types;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL.Types;

public sealed class BoardType : ObjectGraphType<BoardView>
{
    public BoardType()
    {
        Name = "Board";
        Field(b => b.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(b => b.Name);
        Field(b => b.Seq, type: typeof(NonNullGraphType<LongGraphType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ColumnType>>>>("columns")
            .ResolveAsync(async ctx => ctx.Source.Columns
                ?? await ctx.Service<BoardReader>().ColumnsAsync(ctx.Source.Id, ctx.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberType>>>>("members")
            .ResolveAsync(async ctx => ctx.Source.Members
                ?? await ctx.Service<BoardReader>().MembersAsync(ctx.Source.Id, ctx.Caller(), ctx.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LabelType>>>>("labels")
            .Description("By name (ignoring case), then ID.")
            .ResolveAsync(async ctx =>
            {
                ctx.Caller();
                return ctx.Source.Labels ?? await ctx.Service<BoardReader>().LabelsAsync(ctx.Source.Id, ctx.CancellationToken);
            });
    }
}
