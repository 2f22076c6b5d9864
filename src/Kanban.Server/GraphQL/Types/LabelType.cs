using GraphQL.Types;

namespace Kanban.Server.GraphQL.Types;

public sealed class LabelColorType : EnumerationGraphType<LabelColor>
{
    public LabelColorType() => Name = "LabelColor"; // values GRAY, RED, ORANGE, YELLOW, GREEN, TEAL, BLUE, PURPLE, PINK
}

public sealed class LabelType : ObjectGraphType<LabelView>
{
    public LabelType()
    {
        Name = "Label";
        Field(l => l.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(l => l.BoardId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(l => l.Name);
        Field(l => l.Color, type: typeof(NonNullGraphType<LabelColorType>));
    }
}
