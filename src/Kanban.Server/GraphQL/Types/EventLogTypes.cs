using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Kanban.Server.Boards;
using Kanban.Server.Events;

namespace Kanban.Server.GraphQL.Types;

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
