using Kanban.Server.Boards;

namespace Kanban.Tests.Search;

/// <summary>What reaches the full-text engines from a user's search text: words, never syntax.</summary>
public class SearchWordsTests
{
    [Fact]
    public void WordsAreRunsOfLettersAndDigitsLowerCasedEachOnce() =>
        Assert.Equal(["fix", "the", "login", "v2", "café"], SearchWords.Parse("  Fix the-LOGIN (v2)! fix Café ").Words);

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("' ; -- ")]
    [InlineData("( ) : ^ & | ! <->")]
    public void PunctuationAloneIsNoWords(string text) => Assert.True(SearchWords.Parse(text).IsEmpty);

    [Fact]
    public void Fts5QueryQuotesEveryWordSoOperatorsAreWordsAndPrefixesTheLast() =>
        Assert.Equal("\"deploy\" \"or\" \"near\"*", SearchWords.Parse("deploy OR NEAR(").Fts5Query());

    [Fact]
    public void TsQueriesQuoteEveryWordAndPrefixTheLast()
    {
        var words = SearchWords.Parse("it's done");
        Assert.Equal(["'it'", "'s'", "'done':*"], words.TsQueries());
        Assert.Equal("'it' | 's' | 'done':*", words.AnyTsQuery());
    }

    [Fact]
    public void LettersOfAnyScriptAndTheirMarksMakeWords() =>
        Assert.Equal(["привет", "日本語", "नमस्ते"], SearchWords.Parse("привет, 日本語 / नमस्ते").Words);
}
