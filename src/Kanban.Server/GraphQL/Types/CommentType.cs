using GraphQL.Types;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL.Types;

public sealed class CommentType : ObjectGraphType<CommentView>
{
    public CommentType()
    {
        Name = "Comment";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.TaskId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Author, type: typeof(NonNullGraphType<UserType>));
        Field(c => c.Body).Description("Markdown; clients render it without raw HTML.");
        Field(c => c.CreatedAt, type: typeof(NonNullGraphType<DateTimeGraphType>));
        Field(c => c.EditedAt, type: typeof(DateTimeGraphType)).Description("Null until its author edits it.");
    }
}

public sealed class CommentPageType : ObjectGraphType<CommentPage>
{
    public CommentPageType()
    {
        Name = "CommentPage";
        Field(p => p.Comments, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CommentType>>>));
        Field(p => p.HasMore);
    }
}
