using System.Text.RegularExpressions;
using ImageBuilder.PS.Validation;

namespace ImageBuilder.PS.UnitTests.Validation;

public sealed class VersionRulesTests
{
    [Fact]
    public void A_semantic_version_pattern_reads_as_three_numbers_with_an_example() =>
        Assert.Equal("must be a version of three whole numbers joined by dots (major.minor.patch), such as 1.0.0",
            VersionRules.Describe(new Regex(@"^[0-9]+\.[0-9]+\.[0-9]+$")));

    [Fact]
    public void A_wildcard_version_pattern_says_x_stands_for_any() =>
        Assert.Equal("must be a version of three parts joined by dots (major.minor.patch), each a whole number or x for any, such as 1.0.0 or 1.x.x",
            VersionRules.Describe(new Regex(@"^(?:[0-9]+|x)\.(?:[0-9]+|x)\.(?:[0-9]+|x)$")));

    [Theory]
    [InlineData(@"^\d+\.\d+(\.\d+)?$")]          // also takes 1.0: not the three-part rule
    [InlineData(@"^[-_A-Za-z0-9]{1,126}$")]      // a name
    [InlineData(@"^[0-9]+\.[0-9]+\.[0-9]+")]     // open at the end: takes 1.0.0.0
    public void Other_patterns_get_no_version_words(string pattern) => Assert.Null(VersionRules.Describe(new Regex(pattern)));
}
