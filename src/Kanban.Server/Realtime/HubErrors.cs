using Kanban.Server.Boards;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Server.Realtime;

/// <summary>
/// The hub's error mapping: a failed method throws a HubException whose message is the
/// contract's code; the connection stays usable and no detail of an unexpected failure leaks.
/// This filter logs what was unexpected; SignalR's own error line for every failed method is
/// switched off (see <see cref="Quiet"/>), or each refusal would log a stack trace.
/// </summary>
public sealed class HubErrors(ILogger<HubErrors> logger) : IHubFilter
{
    /// <summary>SignalR's dispatcher logs every exception a method throws, refusals included, at error.</summary>
    public static void Quiet(LoggerFilterOptions logging) =>
        logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.None);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (RefusalException e)
        {
            // An expected refusal is the caller's business: one line at debug, no trace.
            logger.LogDebug("Hub method {Method} refused: {Code}", context.HubMethodName, e.Code);
            throw new HubException(e.Code);
        }
        catch (Exception e) when (e is not HubException)
        {
            logger.LogError(e, "Hub method {Method} failed", context.HubMethodName);
            throw new HubException(ErrorCodes.Internal);
        }
    }
}
