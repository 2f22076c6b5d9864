using GraphQLParser.AST;

namespace Kanban.Server.GraphQL;

/// <summary>
/// How many mutation fields an operation runs, however they are written: at the top level, in
/// inline fragments, or in named fragments spread into it (each spread counts every time).
/// Directives are not evaluated and fields with one response name are not merged: both only
/// count more than runs, which errs on the safe side.
/// </summary>
public static class MutationFields
{
    public static int Count(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var counter = new Counter(document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First()));
        return (int)Math.Min(int.MaxValue, counter.Count(operation.SelectionSet));
    }

    private sealed class Counter(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        // Each fragment is counted once however often it is spread, so fragments spreading each
        // other twice over cannot make the counting itself exponential.
        private readonly Dictionary<string, long> _counted = [];
        private readonly HashSet<string> _counting = [];

        public long Count(GraphQLSelectionSet set)
        {
            long count = 0;
            foreach (var selection in set.Selections)
            {
                count += selection switch
                {
                    GraphQLField => 1,
                    GraphQLInlineFragment inline => Count(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Count(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                count = Math.Min(count, int.MaxValue);
            }
            return count;
        }

        private long Count(string fragmentName)
        {
            if (_counted.TryGetValue(fragmentName, out var known))
                return known;
            // An unknown fragment, or one that spreads itself, is invalid: validation refuses it.
            if (!fragments.TryGetValue(fragmentName, out var fragment) || !_counting.Add(fragmentName))
                return 0;
            var count = Count(fragment.SelectionSet);
            _counting.Remove(fragmentName);
            return _counted[fragmentName] = count;
        }
    }
}
