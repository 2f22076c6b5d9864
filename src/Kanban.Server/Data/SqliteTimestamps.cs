using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kanban.Server.Data;

/// <summary>
/// SQLite keeps a DateTimeOffset as TEXT (<c>2026-11-26 14:05:54.123+00:00</c>), and
/// Microsoft.Data.Sqlite reads it back with the general <see cref="DateTimeOffset.Parse(string, IFormatProvider)"/>,
/// which was 7 % of loading a 2,000-task board. This converter writes exactly the text the
/// provider writes (nothing stored changes, no migration) and reads that one layout directly,
/// falling back to the general parser for anything else.
/// </summary>
public sealed class SqliteTimestampConverter() : ValueConverter<DateTimeOffset, string>(
    value => SqliteTimestamps.Format(value), text => SqliteTimestamps.Parse(text));

public static class SqliteTimestamps
{
    // Microsoft.Data.Sqlite's own format for DateTimeOffset parameters.
    private const string Layout = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    public static string Format(DateTimeOffset value) => value.ToString(Layout, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        TryParseLayout(text, out var value) ? value : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>, an optional <c>.</c> with 1 to 7 digits, then <c>+HH:mm</c> or <c>-HH:mm</c>.</summary>
    internal static bool TryParseLayout(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 25 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':')
            return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
            return false;

        var i = 19;
        long ticks = 0;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && i - start < 7 && char.IsAsciiDigit(s[i]))
                ticks = ticks * 10 + (s[i++] - '0');
            var digits = i - start;
            if (digits == 0)
                return false;
            for (var d = digits; d < 7; d++)
                ticks *= 10;
        }

        if (s.Length - i != 6 || s[i] is not ('+' or '-') || s[i + 3] != ':'
            || !Digits(s, i + 1, 2, out var offsetHours) || !Digits(s, i + 4, 2, out var offsetMinutes))
            return false;
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        if (s[i] == '-')
            offset = -offset;

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month)
            || hour > 23 || minute > 59 || second > 59 || offset.Duration() > TimeSpan.FromHours(14))
            return false;
        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
