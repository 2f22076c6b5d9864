using GraphQL.Types;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL.Types;

public sealed class TrashItemType : ObjectGraphType<TrashItemView>
{
    public TrashItemType()
    {
        Name = "TrashItem";
        Description = "A deleted task or column of a board, as it was when deleted.";
        Field(i => i.Kind).Description("\"task\" or \"column\".");
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Title).Description("The task's title or the column's name.");
        Field(i => i.DeletedAt, type: typeof(NonNullGraphType<DateTimeGraphType>));
        Field(i => i.DeletedBy, type: typeof(NonNullGraphType<UserType>));
        Field(i => i.ColumnId, type: typeof(IdGraphType)).Description("A task's column (perhaps deleted too); null for a column.");
        Field(i => i.TaskCount, nullable: true).Description("How many tasks went with a column (they come back with it); null for a task.");
    }
}
