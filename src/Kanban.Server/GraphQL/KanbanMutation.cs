using GraphQL;
using GraphQL.Types;
using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.GraphQL.Types;
using Kanban.Server.Telemetry;

namespace Kanban.Server.GraphQL;

/// <summary>The mutations: each one a call into the feature's commands, which own the write path.</summary>
public sealed class KanbanMutation : ObjectGraphType
{
    public KanbanMutation(KanbanMetrics metrics)
    {
        Name = "Mutation";

        Field<NonNullGraphType<UserType>>("updateProfile")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .ResolveAsync(async ctx => await ctx.Service<UserDirectory>().UpdateProfileAsync(
                ctx.Caller(), ctx.GetArgument<string>("name"), ctx.CancellationToken));

        Input<BoardType, CreateBoardInputType, CreateBoardInput, BoardCommands>("createBoard", async (s, c, i, ct) => await s.CreateAsync(c, i, ct));
        Field<NonNullGraphType<BoardType>>("renameBoard")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .ResolveAsync(async ctx => await ctx.Service<BoardCommands>().RenameAsync(
                ctx.Caller(), ctx.GetArgument<string>("id"), ctx.GetArgument<string>("name"), ctx.CancellationToken));
        ById<BoardCommands>("deleteBoard", (s, c, id, ct) => s.DeleteAsync(c, id, ct));

        Field<NonNullGraphType<MemberType>>("addMember")
            .Argument<NonNullGraphType<IdGraphType>>("boardId")
            .Argument<NonNullGraphType<StringGraphType>>("email")
            .Argument<NonNullGraphType<RoleType>>("role")
            .ResolveAsync(async ctx => await ctx.Service<MemberCommands>().AddAsync(ctx.Caller(),
                ctx.GetArgument<string>("boardId"), ctx.GetArgument<string>("email"), ctx.GetArgument<BoardRole>("role"), ctx.CancellationToken));
        Field<NonNullGraphType<DeletePayloadType>>("removeMember")
            .Argument<NonNullGraphType<IdGraphType>>("boardId")
            .Argument<NonNullGraphType<IdGraphType>>("userId")
            .ResolveAsync(async ctx => await ctx.Service<MemberCommands>().RemoveAsync(ctx.Caller(),
                ctx.GetArgument<string>("boardId"), ctx.GetArgument<string>("userId"), ctx.CancellationToken));

        Input<ColumnType, CreateColumnInputType, CreateColumnInput, ColumnCommands>("createColumn", async (s, c, i, ct) => await s.CreateAsync(c, i, ct));
        Input<ColumnType, UpdateColumnInputType, UpdateColumnInput, ColumnCommands>("updateColumn", async (s, c, i, ct) => await s.UpdateAsync(c, i, ct));
        Input<ColumnType, MoveColumnInputType, MoveColumnInput, ColumnCommands>("moveColumn", async (s, c, i, ct) => await s.MoveAsync(c, i, ct));
        ById<ColumnCommands>("deleteColumn", (s, c, id, ct) => s.DeleteAsync(c, id, ct));

        Input<TaskType, CreateTaskInputType, CreateTaskInput, TaskCommands>("createTask", async (s, c, i, ct) => await s.CreateAsync(c, i, ct));
        Input<TaskType, UpdateTaskInputType, UpdateTaskInput, TaskCommands>("updateTask", async (s, c, i, ct) => await s.UpdateAsync(c, i, ct));
        Field<NonNullGraphType<TaskType>>("moveTask")
            .Argument<NonNullGraphType<MoveTaskInputType>>("input")
            .ResolveAsync(async ctx => await ctx.Service<TaskCommands>().MoveAsync(
                ctx.Caller(), ctx.GetArgument<MoveTaskInput>("input"), ctx.CancellationToken, TaskType.AsksForParts(ctx)));
        ById<TaskCommands>("deleteTask", (s, c, id, ct) => s.DeleteAsync(c, id, ct));

        Field<NonNullGraphType<TaskType>>("restoreTask")
            .Description("Brings a task back from the trash (EDITOR); emits task:restored. Not in the trash: the task as it is.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Service<RestoreCommands>().RestoreTaskAsync(ctx.Caller(), ctx.GetArgument<string>("id"), ctx.CancellationToken));
        Field<NonNullGraphType<ColumnType>>("restoreColumn")
            .Description("Brings a column back from the trash with the tasks that went with it (EDITOR); emits column:restored. Not in the trash: the column as it is.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Service<RestoreCommands>().RestoreColumnAsync(ctx.Caller(), ctx.GetArgument<string>("id"), ctx.CancellationToken));

        Input<LabelType, CreateLabelInputType, CreateLabelInput, LabelCommands>("createLabel", async (s, c, i, ct) => await s.CreateAsync(c, i, ct));
        Input<LabelType, UpdateLabelInputType, UpdateLabelInput, LabelCommands>("updateLabel", async (s, c, i, ct) => await s.UpdateAsync(c, i, ct));
        ById<LabelCommands>("deleteLabel", (s, c, id, ct) => s.DeleteAsync(c, id, ct));

        Input<ChecklistItemType, AddChecklistItemInputType, AddChecklistItemInput, ChecklistCommands>("addChecklistItem", async (s, c, i, ct) => await s.AddAsync(c, i, ct));
        Input<ChecklistItemType, UpdateChecklistItemInputType, UpdateChecklistItemInput, ChecklistCommands>("updateChecklistItem", async (s, c, i, ct) => await s.UpdateAsync(c, i, ct));
        Input<ChecklistItemType, MoveChecklistItemInputType, MoveChecklistItemInput, ChecklistCommands>("moveChecklistItem", async (s, c, i, ct) => await s.MoveAsync(c, i, ct));
        ById<ChecklistCommands>("deleteChecklistItem", (s, c, id, ct) => s.DeleteAsync(c, id, ct));

        Input<CommentType, AddCommentInputType, AddCommentInput, CommentCommands>("addComment", async (s, c, i, ct) => await s.AddAsync(c, i, ct));
        Input<CommentType, EditCommentInputType, EditCommentInput, CommentCommands>("editComment", async (s, c, i, ct) => await s.EditAsync(c, i, ct));
        ById<CommentCommands>("deleteComment", (s, c, id, ct) => s.DeleteAsync(c, id, ct));

        MutationTiming.Apply(this, metrics);
    }

    /// <summary>A mutation taking one <c>input</c> object.</summary>
    private void Input<TResult, TInputType, TInput, TService>(string name, Func<TService, Caller, TInput, CancellationToken, Task<object>> run)
        where TResult : IGraphType where TInputType : IInputObjectGraphType where TService : notnull =>
        Field<NonNullGraphType<TResult>>(name)
            .Argument<NonNullGraphType<TInputType>>("input")
            .ResolveAsync(async ctx => await run(ctx.Service<TService>(), ctx.Caller(), ctx.GetArgument<TInput>("input"), ctx.CancellationToken));

    /// <summary>A delete taking the item's <c>id</c>.</summary>
    private void ById<TService>(string name, Func<TService, Caller, string, CancellationToken, Task<DeletePayload>> run) where TService : notnull =>
        Field<NonNullGraphType<DeletePayloadType>>(name)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await run(ctx.Service<TService>(), ctx.Caller(), ctx.GetArgument<string>("id"), ctx.CancellationToken));
}
