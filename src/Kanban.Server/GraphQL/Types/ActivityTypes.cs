using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Kanban.Server.History;

namespace Kanban.Server.GraphQL.Types;

public sealed class ActivityType : ObjectGraphType<Activity>
{
    public ActivityType()
    {
        Name = "Activity";
        Description = "One change of the board's history: the logged event of the same seq, told as a sentence.";
        Field(a => a.Seq, type: typeof(NonNullGraphType<LongGraphType>));
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(ctx => ctx.Source.At.UtcDateTime);
        Field<NonNullGraphType<UserType>>("actor").Description("Who made the change, with their name at the time.")
            .Resolve(ctx => new UserView(ctx.Source.ActorId, ctx.Source.ActorName));
        Field(a => a.Type).Description("The event's name, e.g. task:moved.");
        Field(a => a.Summary).Description("One English sentence naming the actor and the items, names in curly quotes.");
        Field(a => a.TaskId, type: typeof(IdGraphType)).Description("The task it concerns, if any.");
        Field(a => a.ColumnId, type: typeof(IdGraphType)).Description("The column it concerns, if any.");
        Field<JsonGraphType>("before").Description("The changed fields' old values (null for creates).")
            .Resolve(ctx => Parse(ctx.Source.Before));
        Field<JsonGraphType>("after").Description("The changed fields' new values (null for deletes).")
            .Resolve(ctx => Parse(ctx.Source.After));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

public sealed class ActivityPageType : ObjectGraphType<ActivityPage>
{
    public ActivityPageType()
    {
        Name = "ActivityPage";
        Field(p => p.Items, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ActivityType>>>));
        Field(p => p.HasMore).Description("True when older entries (seq below the last one's) are there.");
    }
}
