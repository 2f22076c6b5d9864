using System.Globalization;
using System.Text;

namespace Kanban.Server.Boards;

/// <summary>
/// The words of a search as both full-text engines read them. A word is a run of letters, digits
/// and marks (what SQLite's unicode61 tokenizer keeps); anything else only separates words, so no
/// character of the user's text reaches an engine as syntax: FTS5's <c>"</c> <c>*</c> <c>^</c>
/// <c>:</c> <c>(</c> and tsquery's <c>&amp;</c> <c>|</c> <c>!</c> <c>&lt;-&gt;</c> vanish, and
/// <c>OR</c>, <c>NEAR</c>, <c>AND</c> are quoted, so they are words like any other.
/// Every word must match; the last one also matches as a prefix, so a search box finds "login"
/// while it is typed as "log".
/// </summary>
public sealed class SearchWords
{
    private SearchWords(IReadOnlyList<string> words) => Words = words;

    /// <summary>Lower-cased (both engines fold case anyway), each once, in the order typed.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    public static SearchWords Parse(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
                continue;
            }
            Add(words, word);
        }
        Add(words, word);
        return new SearchWords(words);
    }

    /// <summary>An FTS5 query: each word an FTS5 string, the last a prefix; side by side they all must match.</summary>
    public string Fts5Query() =>
        string.Join(' ', Words.Select((w, i) => "\"" + w.Replace("\"", "\"\"") + "\"" + (IsLast(i) ? "*" : "")));

    /// <summary>One tsquery per word (<c>'word'</c>, the last <c>'word':*</c>), for <c>to_tsquery('simple', …)</c>.</summary>
    public IReadOnlyList<string> TsQueries() =>
        Words.Select((w, i) => "'" + w.Replace("\\", "\\\\").Replace("'", "''") + "'" + (IsLast(i) ? ":*" : "")).ToList();

    /// <summary>Any of the words: finds the candidates through the index, and ranks them.</summary>
    public string AnyTsQuery() => string.Join(" | ", TsQueries());

    private bool IsLast(int index) => index == Words.Count - 1;

    private static void Add(List<string> words, StringBuilder word)
    {
        if (word.Length == 0)
            return;
        var lower = word.ToString().ToLowerInvariant();
        if (!words.Contains(lower))
            words.Add(lower);
        word.Clear();
    }

    // unicode61's token characters: letters, numbers and private use (its default categories),
    // and marks, which remove_diacritics folds into the letter they sit on.
    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}
