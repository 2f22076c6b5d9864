using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Telemetry;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kanban.Server.GraphQL;

/// <summary>
/// <c>/graphql</c> as the GraphQL-over-HTTP spec describes it: POST with a JSON body, GET for
/// queries only, both media types, and the spec's status codes. (GraphQL.NET's own server
/// package is not available here, so this is the small handler over IDocumentExecuter.)
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";
    public const long MaxBodyBytes = 1024 * 1024;
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    public static IEndpointRouteBuilder MapGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, (HttpContext http) => HandleAsync(http, isGet: false));
        app.MapGet(Path, (HttpContext http) => HandleAsync(http, isGet: true));
        app.MapMethods(Path, ["PUT", "PATCH", "DELETE"], (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, POST";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        });
        return app;
    }

    private static async Task HandleAsync(HttpContext http, bool isGet)
    {
        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var mediaType = ResponseMediaType(http.Request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, Json, StatusCodes.Status406NotAcceptable, ErrorCodes.Validation,
                $"Accept {GraphQLResponse} or {Json}.");
            return;
        }

        var (request, failure) = isGet ? ReadQueryString(http.Request, serializer) : await ReadBodyAsync(http, serializer);
        if (failure is not null)
        {
            await WriteErrorAsync(http, mediaType, failure.Value.Status, ErrorCodes.Validation, failure.Value.Message);
            return;
        }

        var origin = http.Request.Headers["X-Client-Id"].FirstOrDefault();
        if (origin?.Length > Limits.ClientIdLength)
        {
            await WriteErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, ErrorCodes.Validation,
                $"X-Client-Id must be at most {Limits.ClientIdLength} characters.");
            return;
        }
        var caller = AuthSetup.CallerOf(http, origin);

        var options = new ExecutionOptions
        {
            Schema = services.GetRequiredService<ISchema>(),
            Query = request!.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = new KanbanUserContext(caller),
            User = http.User,
            RequestServices = services,
            CancellationToken = http.RequestAborted,
        };

        // Parse once here to see what the operation is; a syntax error is left for the executer to report.
        // A text that passed validation before is neither parsed nor validated again (ValidatedDocuments).
        var documents = services.GetRequiredService<ValidatedDocuments>();
        var cached = documents.Get(request.Query!, request.OperationName);
        if (cached is not null)
            options.ValidationRules = ValidatedDocuments.CachedRules;
        GraphQLOperationDefinition? operation = null;
        if ((cached ?? (TryParse(request.Query!, out var parsed) ? parsed : null)) is { } document)
        {
            options.Document = document;
            operation = SelectOperation(document, request.OperationName);
            if (operation?.Operation == OperationType.Mutation)
            {
                if (isGet)
                {
                    http.Response.Headers.Allow = "POST";
                    await WriteErrorAsync(http, mediaType, StatusCodes.Status405MethodNotAllowed, ErrorCodes.Validation,
                        "Mutations are sent with POST.");
                    return;
                }
                var user = caller?.UserId ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
                if (!services.GetRequiredService<MutationRateLimit>().TryTake(user, Math.Max(1, MutationFields.Count(document, operation))))
                {
                    http.Response.Headers.RetryAfter = "1";
                    await WriteErrorAsync(http, mediaType, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                        "Too many changes at once; try again in a moment.");
                    return;
                }
            }
        }

        // A board query a kept board answers is answered from it (KeptAnswers), unless the answer
        // is over the bound: then the run below says so as for any other query.
        var maxBytes = services.GetRequiredService<IOptions<KanbanOptions>>().Value.GraphQLMaxResponseBytes;
        if (cached is not null && caller is not null && KeptAnswers.Of(cached, operation, request.Variables) is { } boardQuery
            && await services.GetRequiredService<BoardReader>().KeptForAsync(boardQuery.BoardId, caller, http.RequestAborted) is { } board)
        {
            var answer = KeptAnswers.AnswerFrom(board, boardQuery, request.Query!, request.OperationName, out var kept);
            if (answer.Length <= maxBytes)
            {
                services.GetRequiredService<KanbanMetrics>().BoardAnswered(kept);
                await WriteAnswerAsync(http, mediaType, StatusCodes.Status200OK, answer);
                return;
            }
        }

        var result = await services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(options);
        if (services.GetRequiredService<LastCommit>().Seq is { } seq)
            (result.Extensions ??= [])["seq"] = seq;
        if (cached is null && result.Executed && options.Document is not null)
            documents.Add(request.Query!, request.OperationName, options.Document);
        // With the new media type, a request that never executed (syntax, validation) is a 400;
        // application/json keeps the legacy 200 for every well-formed request.
        await using var body = new BoundedBuffer(maxBytes);
        try
        {
            await serializer.WriteAsync(body, result, http.RequestAborted);
        }
        catch (BoundedBuffer.FullException)
        {
            await WriteErrorAsync(http, mediaType, StatusCodes.Status200OK, ErrorCodes.Validation,
                $"The answer would be over {maxBytes / 1024:N0} KiB; ask for less (fewer fields or aliases, a smaller first).");
            return;
        }
        await WriteAnswerAsync(http, mediaType, mediaType == GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK, body.ToArray());
    }

    private static async Task WriteAnswerAsync(HttpContext http, string mediaType, int status, byte[] answer)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        http.Response.ContentLength = answer.Length;
        await http.Response.Body.WriteAsync(answer, http.RequestAborted);
    }

    private readonly record struct Failure(int Status, string Message);

    private static async Task<(GraphQLRequest?, Failure?)> ReadBodyAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        var contentType = http.Request.ContentType;
        // JSON only: a form or text/plain POST is what another site could send with a user's cookie.
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
            return (null, new Failure(StatusCodes.Status415UnsupportedMediaType, $"Send the request as {Json}."));
        if (http.Request.ContentLength > MaxBodyBytes)
            return (null, new Failure(StatusCodes.Status413PayloadTooLarge, "The request body is over 1 MiB."));

        try
        {
            var request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
            return Check(request);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, new Failure(StatusCodes.Status413PayloadTooLarge, "The request body is over 1 MiB."));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, "The body is not a GraphQL request in JSON."));
        }
    }

    private static (GraphQLRequest?, Failure?) ReadQueryString(HttpRequest http, IGraphQLTextSerializer serializer)
    {
        try
        {
            var request = new GraphQLRequest
            {
                Query = http.Query["query"].FirstOrDefault(),
                OperationName = http.Query["operationName"].FirstOrDefault() is { Length: > 0 } name ? name : null,
                Variables = http.Query["variables"].FirstOrDefault() is { Length: > 0 } v ? serializer.Deserialize<Inputs>(v) : null,
                Extensions = http.Query["extensions"].FirstOrDefault() is { Length: > 0 } x ? serializer.Deserialize<Inputs>(x) : null,
            };
            return Check(request);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, "variables and extensions must be JSON objects."));
        }
    }

    private static (GraphQLRequest?, Failure?) Check(GraphQLRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Query)
            ? (null, new Failure(StatusCodes.Status400BadRequest, "The request has no query."))
            : (request, null);

    private static bool TryParse(string query, out GraphQLDocument document)
    {
        try
        {
            document = Parser.Parse(query);
            return true;
        }
        catch (GraphQLParserException)
        {
            document = null!;
            return false;
        }
    }

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? name)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return name is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == name);
    }

    /// <summary>The response type the client accepts: the new GraphQL type first, JSON for legacy clients.</summary>
    private static string? ResponseMediaType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
            return Json;
        foreach (var media in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (media.Quality == 0)
                continue;
            if (media.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase))
                return GraphQLResponse;
            if (media.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase))
                return Json;
        }
        return null;
    }

    private static async Task WriteErrorAsync(HttpContext http, string mediaType, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await http.Response.WriteAsJsonAsync(
            new { errors = new[] { new { message, extensions = new { code } } } },
            (JsonSerializerOptions?)null, $"{mediaType}; charset=utf-8", http.RequestAborted);
    }
}
