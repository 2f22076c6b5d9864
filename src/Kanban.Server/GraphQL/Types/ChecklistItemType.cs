using GraphQL.Types;

namespace Kanban.Server.GraphQL.Types;

public sealed class ChecklistItemType : ObjectGraphType<ChecklistItemView>
{
    public ChecklistItemType()
    {
        Name = "ChecklistItem";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.TaskId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Text);
        Field(i => i.Done);
        Field(i => i.Rank);
    }
}
