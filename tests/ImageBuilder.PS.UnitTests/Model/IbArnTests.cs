using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.UnitTests.Model;

public sealed class IbArnTests
{
    [Theory]
    [InlineData("arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0/1", "component", "install-agent", "1.0.0", "1")]
    [InlineData("arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.x.x", "image", "golden", "1.x.x", null)]
    [InlineData("arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0/1", "workflow/build", "build-image", "1.0.0", "1")]
    [InlineData("arn:aws-cn:imagebuilder:cn-north-1:123456789012:image-pipeline/nightly", "image-pipeline", "nightly", null, null)]
    public void TakesArnsApart(string text, string type, string name, string? version, string? build)
    {
        Assert.True(IbArn.TryParse(text, out var arn));
        Assert.Equal(type, arn.ResourceType);
        Assert.Equal(name, arn.Name);
        Assert.Equal(version, arn.Version);
        Assert.Equal(build, arn.Build);
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/key")]
    [InlineData("not-an-arn")]
    [InlineData("arn:aws:imagebuilder:us-east-1:123456789012:component")]
    [InlineData("arn:aws:imagebuilder:us-east-1:123456789012:component/a/1.0.0/1/extra")]
    public void RefusesWhatIsNotAnImageBuilderArn(string text) => Assert.False(IbArn.TryParse(text, out _));

    [Fact]
    public void KnowsVersionsFromBuilds()
    {
        IbArn.TryParse("arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.2.3/4", out var build);
        Assert.True(build.IsBuildVersion);
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.2.3", build.VersionArn);
        IbArn.TryParse(build.VersionArn, out var version);
        Assert.True(version.IsExactVersion);
        IbArn.TryParse("arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.x.x", out var wildcard);
        Assert.False(wildcard.IsExactVersion);
    }
}
