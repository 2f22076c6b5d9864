using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;
using Kanban.Server.Events;

namespace Kanban.Server.GraphQL;

/// <summary>A <c>board</c> query that a kept board answers: the board it asks for, its field, the document's fragments.</summary>
public sealed record BoardQuery(Guid BoardId, GraphQLField Field, IReadOnlyDictionary<string, GraphQLFragmentDefinition> Fragments);

/// <summary>
/// Answers to the <c>board</c> query made from the board kept for its seq
/// (<see cref="SnapshotCache"/>) rather than by GraphQL.NET resolving and writing its ≈ 90,000
/// fields one by one (for a board of 2,000 tasks, nearly all of the query's time): written once
/// from the kept board (<see cref="BoardAnswer"/>), then kept with it as the bytes sent, so a
/// page opening a board someone else opened at the same seq gets them as they are.
///
/// Only a query whose answer depends on nothing but that board as kept: its one field is
/// <c>board</c>, selecting only what the kept board holds (no comments, activity or label and
/// assignee objects, which are read on their own), with no aliases or directives; its text and
/// operation name say everything else. Such a query's first run goes through GraphQL.NET, which
/// validates it; anything else always does.
/// </summary>
public static class KeptAnswers
{
    /// <summary>Texts answered per kept board (the web client's, a script's); counted in the cache's size.</summary>
    public const int MaxPerBoard = 2;

    private static readonly ConditionalWeakTable<KeptBoard, ConcurrentDictionary<(string Query, string? Operation), byte[]>> Answers = new();

    /// <summary>
    /// The board query a validated document is, when a kept board can answer it; null when it
    /// cannot (or its ID is not one, which the query's run then reports).
    /// </summary>
    public static BoardQuery? Of(GraphQLDocument document, GraphQLOperationDefinition? operation, Inputs? variables)
    {
        if (operation is not { Operation: OperationType.Query, Directives: null, SelectionSet.Selections: [GraphQLField board] }
            || board is not { Name.StringValue: "board", Alias: null, Directives: null, Arguments.Items: [{ Name.StringValue: "id" } id] }
            || board.SelectionSet is not { } selection)
            return null;
        var value = id.Value switch
        {
            GraphQLStringValue literal => literal.Value.ToString(),
            GraphQLVariable variable => variables?.TryGetValue(variable.Name.StringValue, out var given) == true ? given as string : null,
            _ => null,
        };
        if (!Guid.TryParse(value, out var boardId))
            return null;
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        return OnlyKept(selection, "Board", fragments, depth: 0) ? new BoardQuery(boardId, board, fragments) : null;
    }

    /// <summary>The answer to <paramref name="query"/> (its text and operation name given) from <paramref name="board"/>; <paramref name="kept"/> when it was kept already.</summary>
    public static byte[] AnswerFrom(KeptBoard board, BoardQuery query, string text, string? operationName, out bool kept)
    {
        var answers = Answers.GetOrCreateValue(board);
        if (answers.TryGetValue((text, operationName), out var answer))
        {
            kept = true;
            return answer;
        }
        kept = false;
        answer = BoardAnswer.Write(board.View, query.Field, query.Fragments);
        if (answers.Count < MaxPerBoard)
            answers.TryAdd((text, operationName), answer);
        return answer;
    }

    private static bool OnlyKept(GraphQLSelectionSet set, string type, Dictionary<string, GraphQLFragmentDefinition> fragments, int depth)
    {
        // Validation refused fragment cycles already; this only bounds the walk.
        if (depth > 16)
            return false;
        foreach (var selection in set.Selections)
        {
            var kept = selection switch
            {
                GraphQLField { Name.StringValue: "__typename", Alias: null, Directives: null } => true,
                GraphQLField { Alias: null, Directives: null, Arguments: null } field =>
                    BoardAnswer.Fields[type].TryGetValue(field.Name.StringValue, out var child) && (child, field.SelectionSet) switch
                    {
                        (null, null) => true,
                        ({ } objects, { } inner) => OnlyKept(inner, objects, fragments, depth + 1),
                        _ => false,
                    },
                GraphQLInlineFragment { Directives: null } inline when inline.TypeCondition is null || inline.TypeCondition.Type.Name.StringValue == type =>
                    OnlyKept(inline.SelectionSet, type, fragments, depth + 1),
                GraphQLFragmentSpread { Directives: null } spread =>
                    fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    && fragment.TypeCondition.Type.Name.StringValue == type
                    && OnlyKept(fragment.SelectionSet, type, fragments, depth + 1),
                _ => false,
            };
            if (!kept)
                return false;
        }
        return true;
    }
}
