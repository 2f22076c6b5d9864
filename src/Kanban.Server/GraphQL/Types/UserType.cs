using GraphQL.Types;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL.Types;

public sealed class UserType : ObjectGraphType<UserView>
{
    public UserType()
    {
        Name = "User";
        Field(u => u.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(u => u.Name);
    }
}
