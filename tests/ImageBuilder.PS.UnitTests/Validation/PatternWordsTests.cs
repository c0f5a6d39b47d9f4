using ImageBuilder.PS.Validation;

namespace ImageBuilder.PS.UnitTests.Validation;

public sealed class PatternWordsTests
{
    [Theory]
    [InlineData("^[-_A-Za-z-0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z-0-9]$", "3 to 128 characters of letters, digits, '-' and '_', and spaces between them")]
    [InlineData("^[-_A-Za-z0-9]{1,126}$", "1 to 126 characters of letters, digits, '-' and '_'")]
    [InlineData("^[0-9]{12}$", "12 characters of digits")]
    [InlineData("^[a-z0-9-_]+$", "at least 1 character of lower-case letters, digits, '-' and '_'")]
    public void Simple_name_patterns_read_as_words(string pattern, string words) => Assert.Equal(words, PatternWords.Describe(pattern));

    [Theory]
    [InlineData("^(?:[0-9]+|x)\\.(?:[0-9]+|x)$")]
    [InlineData("^[^\\x00]+$")]
    [InlineData("[a-z]+")]
    [InlineData("^[a-f]{8}$")]
    public void Anything_more_involved_gets_no_words(string pattern) => Assert.Null(PatternWords.Describe(pattern));
}
