using GraphQL;
using GraphQL.Types;
using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Events;
using Kanban.Server.GraphQL.Types;

namespace Kanban.Server.GraphQL;

public sealed class KanbanQuery : ObjectGraphType
{
    public KanbanQuery()
    {
        Name = "Query";

        Field<NonNullGraphType<UserType>>("me")
            .ResolveAsync(async ctx => await ctx.Service<UserDirectory>().ViewAsync(ctx.Caller().UserId, ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BoardType>>>>("boards")
            .Description("The boards the caller is a member of.")
            .ResolveAsync(async ctx => await ctx.Service<BoardReader>().ListAsync(ctx.Caller(), ctx.CancellationToken));

        Field<BoardType>("board")
            .Description("Null when the board does not exist or the caller is no member.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Service<BoardReader>().SnapshotAsync(
                Limits.Id(ctx.GetArgument<string>("id"), "id"), ctx.Caller(), ctx.CancellationToken));

        Field<NonNullGraphType<EventPageType>>("boardEvents")
            .Argument<NonNullGraphType<IdGraphType>>("boardId")
            .Argument<NonNullGraphType<LongGraphType>>("afterSeq")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 500)
            .ResolveAsync(async ctx => await ctx.Service<EventLog>().AfterAsync(
                Limits.Id(ctx.GetArgument<string>("boardId"), "boardId"), ctx.Caller(),
                ctx.GetArgument<long>("afterSeq"), ctx.GetArgument("first", 500), ctx.CancellationToken));
    }
}
