using System.Globalization;
using Kanban.Server.Data;

namespace Kanban.Tests.Data;

/// <summary>The SQLite timestamp converter writes what the provider wrote and reads it back exactly.</summary>
public sealed class SqliteTimestampsTests
{
    public static TheoryData<string> Texts => new()
    {
        "2026-11-26 14:05:54+00:00",
        "2026-11-26 14:05:54.1+00:00",
        "2026-11-26 14:05:54.123+00:00",
        "2026-11-26 14:05:54.1234567+00:00",
        "2024-02-29 23:59:59.9990000+05:30",
        "0001-01-01 00:00:00+00:00",
        "9999-12-31 23:59:59.9999999+00:00",
        "2026-01-01 00:00:00-08:00",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void ReadsWhatTheGeneralParserReads(string text) =>
        Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture), SqliteTimestamps.Parse(text));

    [Theory]
    [InlineData("2026-11-26T14:05:54Z")]
    [InlineData("2026-11-26 14:05:54")]
    [InlineData("2026-11-26 14:05:54.12345678+00:00")]
    public void AnyOtherLayoutFallsBackToTheGeneralParser(string text) =>
        Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture), SqliteTimestamps.Parse(text));

    [Fact]
    public void RoundTripsAndWritesTheProvidersText()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var ticks = TimeSpan.TicksPerDay + (long)(random.NextDouble() * (DateTime.MaxValue.Ticks - 2 * TimeSpan.TicksPerDay));
            var value = new DateTimeOffset(ticks - ticks % (i % 2 == 0 ? TimeSpan.TicksPerMillisecond : 1), TimeSpan.FromMinutes(random.Next(-14 * 4, 14 * 4 + 1) * 15));
            var text = SqliteTimestamps.Format(value);
            Assert.Equal(value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture), text);
            var back = SqliteTimestamps.Parse(text);
            Assert.Equal(value, back);
            Assert.Equal(value.Offset, back.Offset);
        }
    }
}
