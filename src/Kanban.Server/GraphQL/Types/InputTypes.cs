using GraphQL.Types;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL.Types;

// IDs arrive as strings and are checked (UUIDs) by the services, which name the field at fault.

public sealed class CreateBoardInputType : InputObjectGraphType<CreateBoardInput>
{
    public CreateBoardInputType()
    {
        Name = "CreateBoardInput";
        Field<IdGraphType>("id");
        Field<NonNullGraphType<StringGraphType>>("name");
    }
}

public sealed class CreateColumnInputType : InputObjectGraphType<CreateColumnInput>
{
    public CreateColumnInputType()
    {
        Name = "CreateColumnInput";
        Field<IdGraphType>("id");
        Field<NonNullGraphType<IdGraphType>>("boardId");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<IntGraphType>("index");
    }
}

public sealed class UpdateColumnInputType : InputObjectGraphType<UpdateColumnInput>
{
    public UpdateColumnInputType()
    {
        Name = "UpdateColumnInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("name");
    }
}

public sealed class MoveColumnInputType : InputObjectGraphType<MoveColumnInput>
{
    public MoveColumnInputType()
    {
        Name = "MoveColumnInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<IntGraphType>("index");
    }
}

public sealed class CreateTaskInputType : InputObjectGraphType<CreateTaskInput>
{
    public CreateTaskInputType()
    {
        Name = "CreateTaskInput";
        Field<IdGraphType>("id");
        Field<NonNullGraphType<IdGraphType>>("columnId");
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<StringGraphType>("description");
        Field<IntGraphType>("index");
    }
}

public sealed class UpdateTaskInputType : InputObjectGraphType<UpdateTaskInput>
{
    public UpdateTaskInputType()
    {
        Name = "UpdateTaskInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("title");
        Field<StringGraphType>("description");
        Field<StringGraphType>("dueDate").Description("YYYY-MM-DD; null clears the date; left out, it stays.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("addLabelIds");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("removeLabelIds");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("addAssigneeIds");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("removeAssigneeIds");
        Field<IntGraphType>("expectedVersion");
    }

    // Built by hand: a dueDate given as null (clear it) and one left out (keep it) must differ.
    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new UpdateTaskInput(value["id"]!.ToString()!, Get<string>(value, "title"), Get<string>(value, "description"), Get<int?>(value, "expectedVersion"))
        {
            DueDate = value.TryGetValue("dueDate", out var dueDate) ? new NewValue<string?>((string?)dueDate) : null,
            AddLabelIds = Ids(value, "addLabelIds"),
            RemoveLabelIds = Ids(value, "removeLabelIds"),
            AddAssigneeIds = Ids(value, "addAssigneeIds"),
            RemoveAssigneeIds = Ids(value, "removeAssigneeIds"),
        };

    private static T? Get<T>(IDictionary<string, object?> value, string name) => value.TryGetValue(name, out var v) ? (T?)v : default;

    private static IReadOnlyList<string>? Ids(IDictionary<string, object?> value, string name) =>
        Get<IEnumerable<object?>>(value, name)?.Select(id => id!.ToString()!).ToList();
}

public sealed class MoveTaskInputType : InputObjectGraphType<MoveTaskInput>
{
    public MoveTaskInputType()
    {
        Name = "MoveTaskInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IdGraphType>>("columnId");
        Field<IntGraphType>("index");
        Field<IntGraphType>("expectedVersion");
    }
}
