using GraphQL.Types;
using Kanban.Server.Boards;

namespace Kanban.Server.GraphQL.Types;

public sealed class DeletePayloadType : ObjectGraphType<DeletePayload>
{
    public DeletePayloadType()
    {
        Name = "DeletePayload";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Success);
    }
}
