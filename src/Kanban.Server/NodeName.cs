using Microsoft.Extensions.Options;

namespace Kanban.Server;

public static class NodeName
{
    public const string Header = "X-Kanban-Node";

    /// <summary>Every response names the server that made it, so operators (and the proxy's sticky routing) can tell.</summary>
    public static IApplicationBuilder UseNodeName(this IApplicationBuilder app)
    {
        var name = app.ApplicationServices.GetRequiredService<IOptions<KanbanOptions>>().Value.NodeName;
        return app.Use((context, next) =>
        {
            context.Response.Headers[Header] = name;
            return next(context);
        });
    }
}
