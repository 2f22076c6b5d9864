using Kanban.Server.Boards;
using Xunit.Abstractions;

namespace Kanban.Tests.Boards;

public class RankTests(ITestOutputHelper output)
{
    [Fact]
    public void First_key_of_an_empty_list_is_a0() => Assert.Equal("a0", Rank.Between(null, null));

    [Theory]
    [InlineData("a0", "a1")]
    [InlineData("a0", "a0V")]
    [InlineData("a0V", "a0W")]
    [InlineData("a0z", "a1")]
    [InlineData("a0zz", "a1")]
    [InlineData("a01", "a02")]
    [InlineData("a001", "a01")]
    [InlineData("az", "b00")]
    [InlineData("Zz", "a0")]
    [InlineData("a0", "b00")]
    [InlineData("Zz1", "a01")]
    [InlineData("A00000000000000000000000001", "A00000000000000000000000002")]
    public void Between_two_keys_is_strictly_between_and_valid(string before, string after)
    {
        var key = Rank.Between(before, after);
        Assert.True(Rank.IsValid(key), key);
        Assert.True(string.CompareOrdinal(before, key) < 0, $"{before} < {key}");
        Assert.True(string.CompareOrdinal(key, after) < 0, $"{key} < {after}");
    }

    [Theory]
    [InlineData("a0", "a1")]
    [InlineData("az", "b00")]
    [InlineData("Zz", "a0")]
    [InlineData("a0V", "a1")]
    public void Appending_increments_the_integer_part(string last, string expected) => Assert.Equal(expected, Rank.Between(last, null));

    [Theory]
    [InlineData("a0", "Zz")]
    [InlineData("Z0", "Yzz")]
    [InlineData("b00", "az")]
    [InlineData("a0V", "a0")]
    public void Prepending_decrements_the_integer_part(string first, string expected) => Assert.Equal(expected, Rank.Between(null, first));

    [Fact]
    public void Extremes_of_the_integer_space_fall_back_to_fractions()
    {
        var largest = "z" + new string('z', 26);
        Assert.Equal(largest + "V", Rank.Between(largest, null));
        var nearSmallest = "A" + new string('0', 25) + "1";
        var key = Rank.Between(null, nearSmallest);
        Assert.True(Rank.IsValid(key) && string.CompareOrdinal(key, nearSmallest) < 0, key);
        Assert.True(string.CompareOrdinal(Rank.Between(null, key), key) < 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("b0")]
    [InlineData("a00")]
    [InlineData("a0-")]
    [InlineData("!0")]
    [InlineData("A00000000000000000000000000")]
    public void Malformed_keys_are_invalid_and_rejected(string key)
    {
        Assert.False(Rank.IsValid(key));
        Assert.Throws<ArgumentException>(() => Rank.Between(key, null));
        Assert.Throws<ArgumentException>(() => Rank.Between(null, key));
    }

    [Theory]
    [InlineData("a1", "a0")]
    [InlineData("a0", "a0")]
    public void Between_rejects_keys_out_of_order(string before, string after) =>
        Assert.Throws<ArgumentException>(() => Rank.Between(before, after));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(62)]
    [InlineData(5000)]
    [InlineData(100000)]
    public void Spread_is_strictly_ascending_and_valid(int count)
    {
        var keys = Rank.Spread(count);
        Assert.Equal(count, keys.Count);
        AssertOrdered(keys);
        Assert.All(keys, k => Assert.True(Rank.IsValid(k) && k.Length <= 4, k));
        if (count > 0) Assert.Equal("a0", keys[0]);
    }

    [Fact]
    public void Random_inserts_stay_ordered_and_bounded()
    {
        var random = new Random(12345);
        var rebalances = Simulate(10_000, n => random.Next(n + 1));
        Assert.True(rebalances <= 10, $"{rebalances} rebalances");
    }

    [Fact]
    public void Appends_stay_ordered_and_need_no_rebalance() => Assert.Equal(0, Simulate(10_000, n => n));

    [Fact]
    public void Prepends_stay_ordered_and_need_no_rebalance() => Assert.Equal(0, Simulate(10_000, _ => 0));

    [Fact]
    public void Inserts_between_the_same_neighbours_stay_ordered_and_bounded()
    {
        // Each such insert halves the gap, so a key gains a digit every ~6 inserts and the list rebalances periodically.
        var rebalances = Simulate(10_000, n => Math.Min(1, n));
        Assert.InRange(rebalances, 1, 200);
    }

    // Inserts `count` items at the index chosen from the current size, exactly as the server does:
    // key between the neighbours, and a full Spread when that key exceeds MaxLength. Returns the rebalance count.
    private int Simulate(int count, Func<int, int> pickIndex)
    {
        var keys = new List<string>();
        int rebalances = 0, longest = 0;
        for (var i = 0; i < count; i++)
        {
            var at = pickIndex(keys.Count);
            var before = at > 0 ? keys[at - 1] : null;
            var after = at < keys.Count ? keys[at] : null;
            var key = Rank.Between(before, after);
            Assert.True((before is null || string.CompareOrdinal(before, key) < 0) && (after is null || string.CompareOrdinal(key, after) < 0),
                $"{before} < {key} < {after}");
            keys.Insert(at, key);
            if (key.Length > Rank.MaxLength)
            {
                keys = [.. Rank.Spread(keys.Count)];
                rebalances++;
            }
            else longest = Math.Max(longest, key.Length);
        }
        AssertOrdered(keys);
        Assert.All(keys, k => Assert.True(k.Length <= Rank.MaxLength, k));
        output.WriteLine($"{count} inserts: {rebalances} rebalances, longest kept key {longest} chars");
        return rebalances;
    }

    private static void AssertOrdered(IReadOnlyList<string> keys)
    {
        for (var i = 1; i < keys.Count; i++)
            Assert.True(string.CompareOrdinal(keys[i - 1], keys[i]) < 0, $"{keys[i - 1]} < {keys[i]} at {i}");
    }
}
