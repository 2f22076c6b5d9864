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
        Field<IntGraphType>("expectedVersion");
    }
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
