using ImageBuilder.PS.Emulator.Core;

namespace ImageBuilder.PS.Emulator.Tests.Units;

public sealed class VersionAndArnTests
{
    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("10.20.30", true)]
    [InlineData("1.0", false)]
    [InlineData("1.0.0.0", false)]
    [InlineData("1.x.0", false)]
    [InlineData("-1.0.0", false)]
    [InlineData("", false)]
    public void Semantic_versions_have_three_numbers(string text, bool valid) =>
        Assert.Equal(valid, SemanticVersion.TryParse(text, out _));

    [Fact]
    public void Versions_order_numerically()
    {
        SemanticVersion.TryParse("1.10.0", out var high);
        SemanticVersion.TryParse("1.9.3", out var low);
        Assert.True(high.CompareTo(low) > 0);
        Assert.Equal("1.10.0", high.ToString());
    }

    [Theory]
    [InlineData("1.x.x", "1.4.2", true)]
    [InlineData("1.x.x", "2.0.0", false)]
    [InlineData("x.x.x", "7.8.9", true)]
    [InlineData("1.2.x", "1.2.9", true)]
    [InlineData("1.2.x", "1.3.0", false)]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.4", false)]
    public void Wildcards_match_from_the_right(string pattern, string version, bool matches)
    {
        Assert.True(VersionPattern.TryParse(pattern, out var parsed));
        SemanticVersion.TryParse(version, out var v);
        Assert.Equal(matches, parsed.Matches(v));
    }

    [Theory]
    [InlineData("x.2.x")]
    [InlineData("x.x.3")]
    [InlineData("1.x")]
    [InlineData("a.b.c")]
    public void Wildcards_before_numbers_are_refused(string pattern) => Assert.False(VersionPattern.TryParse(pattern, out _));

    [Fact]
    public void Arns_lower_case_the_name_and_carry_version_and_build()
    {
        var arns = new ArnBuilder("aws", "eu-west-1", "123456789012");

        Assert.Equal("arn:aws:imagebuilder:eu-west-1:123456789012:component/my-component/1.2.3/4", arns.Build("component", "My Component", "1.2.3", 4));
        Assert.Equal("arn:aws:imagebuilder:eu-west-1:123456789012:image-recipe/web/1.0.0", arns.Build("image-recipe", "Web", "1.0.0"));
        Assert.Equal("arn:aws:imagebuilder:eu-west-1:aws:workflow/build/build-image/1.0.0/1", arns.Build("workflow/build", "build-image", "1.0.0", 1, "aws"));
        Assert.Equal("arn:aws:imagebuilder:eu-west-1:123456789012:infrastructure-configuration/a_b-c", arns.Build("infrastructure-configuration", "A_b-C"));
    }
}
