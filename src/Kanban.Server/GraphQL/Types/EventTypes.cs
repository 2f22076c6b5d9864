using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Kanban.Server.Boards;
using Kanban.Server.Events;

namespace Kanban.Server.GraphQL.Types;

/// <summary>An arbitrary JSON value, output only: an event's payload as it was pushed.</summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType() => Name = "JSON";

    public override object? Serialize(object? value) => value;
    public override object? ParseValue(object? value) => ThrowValueConversionError(value);
    public override object? ParseLiteral(GraphQLValue value) => ThrowLiteralConversionError(value);
}

public sealed class BoardEventType : ObjectGraphType<BoardEvent>
{
    public const double PayloadImpact = 20;

    public BoardEventType()
    {
        Name = "BoardEvent";
        Field(e => e.Seq, type: typeof(NonNullGraphType<LongGraphType>));
        Field(e => e.Type);
        // A payload is a whole task or column with its actor: it costs what those fields would.
        Field<NonNullGraphType<JsonGraphType>>("payload").WithComplexityImpact(PayloadImpact)
            .Resolve(ctx => JsonDocument.Parse(ctx.Source.Payload).RootElement.Clone());
        Field<NonNullGraphType<UserType>>("actor").Resolve(ctx => new UserView(ctx.Source.ActorId, ctx.Source.ActorName));
        Field(e => e.Origin, nullable: true);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(ctx => ctx.Source.At.UtcDateTime);
    }
}

public sealed class EventPageType : ObjectGraphType<EventPage>
{
    public EventPageType()
    {
        Name = "EventPage";
        Field(p => p.Events, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<BoardEventType>>>));
        Field(p => p.HasMore);
        Field(p => p.ResetRequired);
    }
}

public sealed class DeletePayloadType : ObjectGraphType<DeletePayload>
{
    public DeletePayloadType()
    {
        Name = "DeletePayload";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Success);
    }
}
