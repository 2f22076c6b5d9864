using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Kanban.Server.Boards;
using Kanban.Server.History;

namespace Kanban.Server.GraphQL.Types;

public sealed class TaskType : ObjectGraphType<TaskView>
{
    public TaskType()
    {
        Name = "Task";
        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(t => t.BoardId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(t => t.ColumnId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(t => t.Title);
        Field(t => t.Description);
        Field(t => t.Rank);
        Field(t => t.Version);
        Field(t => t.CreatedAt, type: typeof(NonNullGraphType<DateTimeGraphType>));
        Field(t => t.UpdatedAt, type: typeof(NonNullGraphType<DateTimeGraphType>));
        Field(t => t.CreatedBy, type: typeof(NonNullGraphType<UserType>));
        Field<StringGraphType>("dueDate").Description("A calendar date, YYYY-MM-DD, or null.")
            .Resolve(ctx => ctx.Source.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(t => t.LabelIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>));
        Field(t => t.AssigneeIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LabelType>>>>("labels")
            .Description("The task's labels, in the board's order.")
            .ResolveAsync(async ctx =>
            {
                ctx.Caller();
                return await ctx.Service<BoardLookups>().LabelsAsync(ctx.Source, Fresh(ctx), ctx.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserType>>>>("assignees")
            .ResolveAsync(async ctx =>
            {
                return await ctx.Service<BoardLookups>().AssigneesAsync(ctx.Source, ctx.Caller(), Fresh(ctx), ctx.CancellationToken);
            });
        // A checklist is part of its task, counted like a few more fields rather than as a list of
        // 20: every board of a user in full still fits the budget, and the answer's byte bound
        // caps what a long checklist costs.
        Field(t => t.Checklist, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ChecklistItemType>>>))
            .Description("Ordered by rank.").WithComplexityImpact(1, 1);
        Field(t => t.CommentCount);
        Field<NonNullGraphType<CommentPageType>>("comments")
            .Description("Oldest first: first (1 to 200) comments after the comment whose ID is after.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .Argument<IdGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                ctx.Caller();
                return await ctx.Service<CommentCommands>().PageAsync(
                    ctx.Source.Id, ctx.GetArgument("first", 50), ctx.GetArgument<string?>("after"), ctx.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityType>>>>("activity")
            .Description($"The task's history, newest first: first (1 to {Limits.MaxActivityPage}) entries. " +
                $"A request reads the activity of at most {Limits.ActivityTasksPerRequest} tasks.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .ResolveAsync(async ctx =>
            {
                ctx.Caller();
                return await ctx.Service<ActivityReader>().TaskAsync(ctx.Source.Id, ctx.GetArgument("first", 50), ctx.CancellationToken);
            });
    }

    /// <summary>The fields read from a task's own rows of labels, assignees and checklist.</summary>
    private static readonly HashSet<string> PartFields = ["labelIds", "assigneeIds", "labels", "assignees", "checklist"];

    /// <summary>
    /// Whether a field answering a task selects any of its parts (through fragments too); when
    /// not, the resolver may leave them unread. Unknown selections count as asking.
    /// </summary>
    public static bool AsksForParts(IResolveFieldContext ctx) =>
        ctx.SubFields is not { } fields || fields.Values.Any(f => PartFields.Contains(f.FieldType.Name));

    // A query reads each board's labels and names once; a mutation may have just changed them.
    private static bool Fresh(IResolveFieldContext ctx) => ctx.Operation.Operation == OperationType.Mutation;
}

