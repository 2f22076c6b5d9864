using System.Collections.Concurrent;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace Kanban.Server.GraphQL;

/// <summary>
/// Parsed documents that have passed validation once, by query text and operation name.
/// Clients send the same few texts over and over, with other variables: a cached document is
/// neither parsed nor run through the document-only validation rules again. What depends on
/// the request still runs every time: the variables are coerced and checked against their
/// types, argument validators see the values, and the complexity rule (added by
/// <c>AddComplexityAnalyzer</c> to every execution) measures the document.
/// </summary>
public sealed class ValidatedDocuments
{
    /// <summary>More distinct texts than clients send; past it the cache starts over.</summary>
    public const int MaxEntries = 1000;

    /// <summary>Longer texts are not kept (the introspection query is about 3,000 characters).</summary>
    public const int MaxQueryLength = 20_000;

    /// <summary>The rules a cached document still runs; the executer appends the complexity rule.</summary>
    public static readonly IValidationRule[] CachedRules = [FieldArgumentsAreValidRule.Instance];

    private readonly ConcurrentDictionary<(string Query, string? OperationName), GraphQLDocument> _documents = new();

    public GraphQLDocument? Get(string query, string? operationName) =>
        _documents.TryGetValue((query, operationName), out var document) ? document : null;

    /// <summary>Keeps a document whose execution passed validation.</summary>
    public void Add(string query, string? operationName, GraphQLDocument document)
    {
        if (query.Length > MaxQueryLength)
            return;
        if (_documents.Count >= MaxEntries)
            _documents.Clear();
        _documents.TryAdd((query, operationName), document);
    }
}
