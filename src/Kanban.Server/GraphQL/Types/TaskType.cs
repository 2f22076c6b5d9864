using GraphQL.Types;
using Kanban.Server.Boards;

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
    }
}
