using ImageBuilder.PS.Model.Views;

namespace ImageBuilder.PS.UnitTests.Model;

public sealed class ViewTextTests
{
    [Fact]
    public void PairsAMapInItsOwnOrder()
    {
        var tags = new Dictionary<string, string?> { ["Owner"] = "team a", ["Cleanup"] = "yes", ["Empty"] = "" };
        Assert.Equal("Owner=team a, Cleanup=yes, Empty=", ViewText.Pairs(tags));
    }

    [Fact]
    public void PairsNothingForAnEmptyMapAndNullForNone()
    {
        Assert.Equal("", ViewText.Pairs(new Dictionary<string, string?>()));
        Assert.Null(ViewText.Pairs(null));
    }

    [Theory]
    [InlineData("1.0.0", "arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0/3", "1.0.0/3")]
    [InlineData("1.0.0", "arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0/12", "1.0.0/12")]
    [InlineData("1.0.0", "arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0", "1.0.0")]
    [InlineData("1.0.0", null, "1.0.0")]
    [InlineData(null, "arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0/3", "/3")]
    [InlineData(null, null, null)]
    public void ShowsTheBuildNumberAfterTheVersion(string? version, string? arn, string? expected) =>
        Assert.Equal(expected, ViewText.BuildVersion(version, arn));
}
