using GraphQL.Types;
using GraphQLParser.AST;

namespace Kanban.Server.GraphQL.Types;

/// <summary>An arbitrary JSON value, output only: an event's payload as it was pushed.</summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType() => Name = "JSON";

    public override object? Serialize(object? value) => value;
    public override object? ParseValue(object? value) => ThrowValueConversionError(value);
    public override object? ParseLiteral(GraphQLValue value) => ThrowLiteralConversionError(value);
}
