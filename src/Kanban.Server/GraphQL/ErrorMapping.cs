using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.Exceptions;
using Kanban.Server.Boards;
using Kanban.Server.Events;

namespace Kanban.Server.GraphQL;

/// <summary>
/// The one place where failures become the contract's <c>extensions.code</c>. Expected failures
/// keep their message; anything else is INTERNAL with a fixed message (and is logged), so no
/// stack trace or exception text ever reaches a client.
/// </summary>
public sealed class ErrorMapping : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError error)
    {
        var extensions = new Dictionary<string, object?>();
        var message = error.Message;
        switch (Unwrap(error))
        {
            case RefusalException e:
                message = e.Message;
                extensions["code"] = e.Code;
                if (e.Field is not null)
                    extensions["field"] = e.Field;
                if (e.Current is not null)
                    extensions["current"] = JsonSerializer.SerializeToElement(e.Current, ContractJson.Options);
                if (e.ChangedBy is not null)
                    extensions["changedBy"] = JsonSerializer.SerializeToElement(e.ChangedBy, ContractJson.Options);
                break;
            case DocumentError:
                // Syntax, validation (unknown fields, wrong types), depth and complexity limits.
                extensions["code"] = ErrorCodes.Validation;
                break;
            case GraphQLMaxDepthExceededException:
                // The parser's own guard against a stack overflow; the executer does not wrap it.
                message = $"The query is nested too deeply (at most {GraphQLSetup.MaxDepth} levels).";
                extensions["code"] = ErrorCodes.Validation;
                break;
            default:
                message = "Internal server error.";
                extensions["code"] = ErrorCodes.Internal;
                break;
        }
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static object Unwrap(ExecutionError error) =>
        error is UnhandledError { InnerException: { } inner } ? inner : error;

    /// <summary>Logs what was not expected; expected failures are the caller's business, not an operator's.</summary>
    public static Task LogUnexpectedAsync(UnhandledExceptionContext context, ILogger logger)
    {
        if (context.OriginalException is not (RefusalException or GraphQLMaxDepthExceededException))
            logger.LogError(context.OriginalException, "GraphQL field {Field} failed", context.FieldContext?.FieldDefinition.Name);
        return Task.CompletedTask;
    }
}
