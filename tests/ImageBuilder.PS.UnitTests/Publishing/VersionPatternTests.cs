using ImageBuilder.PS.Model.Publishing;

namespace ImageBuilder.PS.UnitTests.Publishing;

public sealed class VersionPatternTests
{
    [Theory]
    [InlineData("1.2.x", "1.2.3", "1.2.4")]
    [InlineData("1.2.x", null, "1.2.0")]
    [InlineData("1.x.x", "1.3.7", "1.3.8")]
    [InlineData("1.x.x", null, "1.0.0")]
    [InlineData("x.x.x", null, "1.0.0")]
    [InlineData("x.x.x", "2.0.9", "2.0.10")]
    [InlineData("1.2.3", "1.2.3", "1.2.3")]
    [InlineData("1.2.3", null, "1.2.3")]
    [InlineData("1.x.x", "1.4.1073741823", "1.5.0")]
    public void GivesTheNextVersionThePatternAllows(string pattern, string? newest, string next)
    {
        Assert.True(VersionPattern.TryParse(pattern, out var parsed, out _));
        Assert.Equal(next, parsed!.Next(newest));
    }

    [Fact]
    public void SaysWhenAPatternHasNoVersionLeft()
    {
        Assert.True(VersionPattern.TryParse("1.2.x", out var parsed, out _));
        Assert.Null(parsed!.Next("1.2.1073741823"));
    }

    [Fact]
    public void PicksTheNewestMatchByNumberNotByText()
    {
        Assert.True(VersionPattern.TryParse("1.x.x", out var parsed, out _));
        Assert.Equal("1.10.0", parsed!.Newest(new[] { "1.9.0", "1.10.0", "2.0.0", "1.2.30", null }));
        Assert.Null(parsed.Newest(new[] { "2.0.0", "0.9.9" }));
    }

    [Theory]
    [InlineData("1.2.x", "1.2.0", true)]
    [InlineData("1.2.x", "1.3.0", false)]
    [InlineData("1.x.x", "1.99.4", true)]
    [InlineData("x.x.x", "7.0.1", true)]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.4", false)]
    [InlineData("1.2.x", "1.2.x", false)]
    public void MatchesExactVersions(string pattern, string version, bool matches)
    {
        Assert.True(VersionPattern.TryParse(pattern, out var parsed, out _));
        Assert.Equal(matches, parsed!.Matches(version));
    }

    [Theory]
    [InlineData("1.2", "major.minor.patch")]
    [InlineData("1.2.3.4", "major.minor.patch")]
    [InlineData("x.2.x", "a number follows an x")]
    [InlineData("1.x.0", "a number follows an x")]
    [InlineData("1.-2.x", "'-2' is not a part")]
    [InlineData("1.2.1073741824", "'1073741824' is not a part")]
    [InlineData("", "major.minor.patch")]
    public void SaysWhatIsWrongWithAPattern(string text, string said)
    {
        Assert.False(VersionPattern.TryParse(text, out _, out var problem));
        Assert.Contains(said, problem);
    }
}
