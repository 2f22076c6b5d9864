using Kanban.Server.Boards;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Server.Realtime;

/// <summary>
/// The hub's error mapping: a failed method throws a HubException whose message is the
/// contract's code; the connection stays usable and no detail of an unexpected failure leaks.
/// </summary>
public sealed class HubErrors(ILogger<HubErrors> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (BoardException e)
        {
            throw new HubException(e.Code);
        }
        catch (Exception e) when (e is not HubException)
        {
            logger.LogError(e, "Hub method {Method} failed", context.HubMethodName);
            throw new HubException(ErrorCodes.Internal);
        }
    }
}
