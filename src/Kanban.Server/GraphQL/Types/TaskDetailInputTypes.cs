using GraphQL.Types;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL.Types;

// The inputs of labels, checklists and comments (updateTask's new fields are in UpdateTaskInputType).

public sealed class CreateLabelInputType : InputObjectGraphType<CreateLabelInput>
{
    public CreateLabelInputType()
    {
        Name = "CreateLabelInput";
        Field<IdGraphType>("id");
        Field<NonNullGraphType<IdGraphType>>("boardId");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<LabelColorType>>("color");
    }
}

public sealed class UpdateLabelInputType : InputObjectGraphType<UpdateLabelInput>
{
    public UpdateLabelInputType()
    {
        Name = "UpdateLabelInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        Field<LabelColorType>("color");
    }
}

public sealed class AddChecklistItemInputType : InputObjectGraphType<AddChecklistItemInput>
{
    public AddChecklistItemInputType()
    {
        Name = "AddChecklistItemInput";
        Field<IdGraphType>("id");
        Field<NonNullGraphType<IdGraphType>>("taskId");
        Field<NonNullGraphType<StringGraphType>>("text");
        Field<IntGraphType>("index");
    }
}

public sealed class UpdateChecklistItemInputType : InputObjectGraphType<UpdateChecklistItemInput>
{
    public UpdateChecklistItemInputType()
    {
        Name = "UpdateChecklistItemInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("text");
        Field<BooleanGraphType>("done");
    }
}

public sealed class MoveChecklistItemInputType : InputObjectGraphType<MoveChecklistItemInput>
{
    public MoveChecklistItemInputType()
    {
        Name = "MoveChecklistItemInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<IntGraphType>("index");
    }
}

public sealed class AddCommentInputType : InputObjectGraphType<AddCommentInput>
{
    public AddCommentInputType()
    {
        Name = "AddCommentInput";
        Field<IdGraphType>("id");
        Field<NonNullGraphType<IdGraphType>>("taskId");
        Field<NonNullGraphType<StringGraphType>>("body");
    }
}

public sealed class EditCommentInputType : InputObjectGraphType<EditCommentInput>
{
    public EditCommentInputType()
    {
        Name = "EditCommentInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("body");
    }
}
