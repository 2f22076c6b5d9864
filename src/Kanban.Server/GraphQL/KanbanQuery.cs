using GraphQL;
using GraphQL.Types;
using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Events;
using Kanban.Server.GraphQL.Types;
using Kanban.Server.History;

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

        Field<TaskType>("task")
            .Description("Null when the task does not exist or the caller is no member of its board.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Service<TaskFinder>().TaskAsync(
                Limits.Id(ctx.GetArgument<string>("id"), "id"), ctx.Caller(), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaskType>>>>("myTasks")
            .Description($"Tasks assigned to the caller on their boards: earliest due date first, tasks without one last, then oldest first. first: 1 to {Limits.MyTasksPage}.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 100)
            .ResolveAsync(async ctx => await ctx.Service<TaskFinder>().MyTasksAsync(
                ctx.Caller(), ctx.GetArgument("first", 100), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaskType>>>>("searchTasks")
            .Description($"The caller's tasks holding every word of text (1 to {Limits.SearchTextLength} characters) in their title, description or comments, " +
                $"any letter case, the last word also as a prefix; best first (title, then description, then comments). " +
                $"boardId limits it to one board (none found when the caller is no member). first: 1 to {Limits.SearchPage}.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<IdGraphType>("boardId")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .ResolveAsync(async ctx => await ctx.Service<TaskFinder>().SearchAsync(ctx.Caller(), ctx.GetArgument<string>("text"),
                ctx.GetArgument<string?>("boardId") is { } board ? Limits.Id(board, "boardId") : null,
                ctx.GetArgument("first", 50), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrashItemType>>>>("trash")
            .Description("The board's deleted tasks and columns, newest first, until restored or purged after TRASH_DAYS. " +
                "A column's tasks that went with it are not listed on their own (taskCount counts them).")
            .Argument<NonNullGraphType<IdGraphType>>("boardId")
            .ResolveAsync(async ctx => await ctx.Service<TrashReader>().ListAsync(
                Limits.Id(ctx.GetArgument<string>("boardId"), "boardId"), ctx.Caller(), ctx.CancellationToken));

        Field<NonNullGraphType<EventPageType>>("boardEvents")
            .Argument<NonNullGraphType<IdGraphType>>("boardId")
            .Argument<NonNullGraphType<LongGraphType>>("afterSeq")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 500)
            .ResolveAsync(async ctx => await ctx.Service<EventLog>().AfterAsync(
                Limits.Id(ctx.GetArgument<string>("boardId"), "boardId"), ctx.Caller(),
                ctx.GetArgument<long>("afterSeq"), ctx.GetArgument("first", 500), ctx.CancellationToken));

        Field<NonNullGraphType<ActivityPageType>>("boardActivity")
            .Description($"The board's history, newest first: first (1 to {Limits.MaxActivityPage}) entries with a seq below before " +
                "and above after, each given; kept for HISTORY_DAYS.")
            .Argument<NonNullGraphType<IdGraphType>>("boardId")
            .Argument<LongGraphType>("before")
            .Argument<LongGraphType>("after")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .ResolveAsync(async ctx => await ctx.Service<ActivityReader>().BoardAsync(
                Limits.Id(ctx.GetArgument<string>("boardId"), "boardId"), ctx.Caller(),
                ctx.GetArgument<long?>("before"), ctx.GetArgument<long?>("after"), ctx.GetArgument("first", 50), ctx.CancellationToken));
    }
}
