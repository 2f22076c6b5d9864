using System.Text;

namespace Kanban.Server.Boards;

/// <summary>
/// Fractional-index keys that order items in a list (tasks in a column, columns on a board).
/// A key is an integer part followed by an optional fractional part, all over the 62 ASCII
/// digits <c>0-9A-Za-z</c>, and keys sort with plain ordinal string comparison.
/// </summary>
/// <remarks>
/// The integer part starts with a head character that encodes how many digits follow:
/// 'a'..'z' = non-negative integers with 1..26 digits, 'Z'..'A' = negative integers with
/// 1..26 digits. Because longer non-negative numbers get a later head (and longer negative
/// ones an earlier head), ordinal order of the strings equals numeric order.
/// Appending and prepending step the integer part by one, so those keys grow only
/// logarithmically; inserting between two keys with the same integer part takes the
/// midpoint of their fractional parts, which never ends in '0' (so every value has exactly
/// one spelling and there is always room below it).
/// </remarks>
public static class Rank
{
    /// <summary>When a freshly generated key is longer than this, the caller should rebalance the list with <see cref="Spread"/>.</summary>
    public const int MaxLength = 24;

    // Ascending in ordinal order, so a digit's index is its value.
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int Base = 62;
    private const string First = "a0";

    // The most negative integer: nothing can be placed before it without a fraction, so it is
    // never a key on its own (it may still carry a fractional part).
    private static readonly string SmallestInteger = "A" + new string('0', 26);

    /// <summary>A key strictly greater than <paramref name="before"/> and strictly less than <paramref name="after"/>; null means an open end.</summary>
    /// <exception cref="ArgumentException">A key is malformed or <paramref name="before"/> is not less than <paramref name="after"/>.</exception>
    public static string Between(string? before, string? after)
    {
        if (before is not null && !IsValid(before))
            throw new ArgumentException($"Malformed rank key '{before}'.", nameof(before));
        if (after is not null && !IsValid(after))
            throw new ArgumentException($"Malformed rank key '{after}'.", nameof(after));
        if (before is not null && after is not null && string.CompareOrdinal(before, after) >= 0)
            throw new ArgumentException($"Rank key '{before}' is not less than '{after}'.", nameof(before));

        if (before is null && after is null)
            return First;

        if (before is null)
        {
            // Prepend: the bare integer part of `after` is already smaller when it has a fraction;
            // otherwise step the integer down, which keeps prepends short.
            var (intB, fracB) = Split(after!);
            if (intB == SmallestInteger)
                return intB + Midpoint("", fracB);
            if (fracB.Length > 0)
                return intB;
            var lower = Decrement(intB)!; // only the smallest integer cannot be decremented
            return lower == SmallestInteger ? lower + Midpoint("", null) : lower;
        }

        var (intA, fracA) = Split(before);
        if (after is null)
        {
            // Append: step the integer up; only the very largest integer has to fall back to a fraction.
            return Increment(intA) ?? intA + Midpoint(fracA, null);
        }

        var (intAfter, fracAfter) = Split(after);
        if (intA == intAfter)
            return intA + Midpoint(fracA, fracAfter);

        // Different integer parts: the next integer is the shortest choice if it still fits below `after`
        // (it cannot be null: intA is smaller than another integer, so it is not the largest).
        var next = Increment(intA)!;
        return string.CompareOrdinal(next, after) < 0 ? next : intA + Midpoint(fracA, null);
    }

    /// <summary><paramref name="count"/> keys in strictly ascending order, as short as possible, for rebalancing a list.</summary>
    public static IReadOnlyList<string> Spread(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // Consecutive integers from "a0": later inserts between them use fractions, appends keep incrementing.
        var keys = new string[count];
        var key = First;
        for (var i = 0; i < count; i++)
        {
            keys[i] = key;
            if (i + 1 < count)
                key = Increment(key) ?? throw new InvalidOperationException("Rank integer space exhausted.");
        }
        return keys;
    }

    /// <summary>Whether <paramref name="key"/> is a well-formed rank key.</summary>
    public static bool IsValid(string key)
    {
        if (string.IsNullOrEmpty(key))
            return false;
        var intLength = IntegerLength(key[0]);
        if (intLength < 0 || key.Length < intLength)
            return false;
        foreach (var c in key)
        {
            if (ValueOf(c) < 0)
                return false;
        }
        // A trailing '0' in the fraction would give one value two spellings.
        if (key.Length > intLength && key[^1] == '0')
            return false;
        return !(key.Length == intLength && key == SmallestInteger);
    }

    // Total length (head + digits) of an integer part with the given head, or -1 for an invalid head.
    private static int IntegerLength(char head) => head switch
    {
        >= 'a' and <= 'z' => head - 'a' + 2,
        >= 'A' and <= 'Z' => 'Z' - head + 2,
        _ => -1,
    };

    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        >= 'a' and <= 'z' => c - 'a' + 36,
        _ => -1,
    };

    private static (string Integer, string Fraction) Split(string key)
    {
        var n = IntegerLength(key[0]);
        return (key[..n], key[n..]);
    }

    // The next integer, or null past the largest ("z" followed by 26 'z').
    private static string? Increment(string integer)
    {
        var digits = integer.ToCharArray(1, integer.Length - 1);
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var v = ValueOf(digits[i]);
            if (v < Base - 1)
            {
                digits[i] = Digits[v + 1];
                return integer[0] + new string(digits);
            }
            digits[i] = '0';
        }

        // Every digit carried: move to the next head. -1 ("Zz") wraps to 0 ("a0"); on the
        // non-negative side the number gains a digit, on the negative side it loses one.
        var head = integer[0];
        if (head == 'Z') return First;
        if (head == 'z') return null;
        var nextHead = (char)(head + 1);
        var body = new string(digits);
        return nextHead > 'a' ? nextHead + body + "0" : nextHead + body[1..];
    }

    // The previous integer, or null below the smallest ("A" followed by 26 '0').
    private static string? Decrement(string integer)
    {
        var digits = integer.ToCharArray(1, integer.Length - 1);
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var v = ValueOf(digits[i]);
            if (v > 0)
            {
                digits[i] = Digits[v - 1];
                return integer[0] + new string(digits);
            }
            digits[i] = 'z';
        }

        // Every digit borrowed: move to the previous head. 0 ("a0") wraps to -1 ("Zz"); on the
        // negative side the number gains a digit, on the non-negative side it loses one.
        var head = integer[0];
        if (head == 'a') return "Zz";
        if (head == 'A') return null;
        var prevHead = (char)(head - 1);
        var body = new string(digits);
        return prevHead < 'Z' ? prevHead + body + "z" : prevHead + body[1..];
    }

    // A fraction strictly between `low` and `high` (null = no upper bound), read as base-62 digits
    // after a radix point. Neither input ends in '0', nor does the result.
    private static string Midpoint(string low, string? high)
    {
        var result = new StringBuilder();
        var i = 0;

        // Keep the common prefix; `low` reads as if padded with '0's, since trailing zeros add no value.
        if (high is not null)
        {
            while (i < high.Length && DigitAt(low, i) == high[i])
                result.Append(high[i++]);
            if (i == high.Length)
                throw new InvalidOperationException("Fraction bounds are not ordered.");
        }

        while (true)
        {
            var lo = ValueOf(DigitAt(low, i));
            var hi = high is null ? Base : ValueOf(high[i]);
            if (hi - lo > 1)
            {
                // Room for a digit strictly between: it is > 0, so the result does not end in '0'.
                result.Append(Digits[(lo + hi + 1) / 2]);
                return result.ToString();
            }
            if (high is not null && i + 1 < high.Length)
            {
                // Adjacent digits, but `high` continues: cutting it off here is already below it and above `low`.
                result.Append(high[i]);
                return result.ToString();
            }
            // Adjacent digits and `high` ends here: follow `low`'s digit and find room above the rest of `low`.
            result.Append(Digits[lo]);
            high = null;
            i++;
        }
    }

    private static char DigitAt(string fraction, int i) => i < fraction.Length ? fraction[i] : '0';
}
