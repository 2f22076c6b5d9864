using GraphQL.Types;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL.Types;

public sealed class RoleType : EnumerationGraphType<BoardRole>
{
    public RoleType() => Name = "Role"; // values OWNER, EDITOR, VIEWER
}

public sealed class MemberType : ObjectGraphType<MemberView>
{
    public MemberType()
    {
        Name = "Member";
        Field(m => m.User, type: typeof(NonNullGraphType<UserType>));
        Field(m => m.Role, type: typeof(NonNullGraphType<RoleType>));
        Field(m => m.Email, nullable: true)
            .Description("How an OWNER addresses the member in addMember, e.g. to change the role; null for everyone else.");
    }
}
