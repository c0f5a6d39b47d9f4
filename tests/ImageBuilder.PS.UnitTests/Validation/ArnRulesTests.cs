using System.Text.RegularExpressions;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Validation;

namespace ImageBuilder.PS.UnitTests.Validation;

public sealed class ArnRulesTests
{
    [Fact]
    public void An_image_build_or_version_pattern_is_said_in_words_with_an_example_it_accepts()
    {
        var pattern = IbShapes.ImageBuildVersionArn.PatternRegex!;

        var rule = ArnRules.Describe(pattern);

        Assert.Equal("must be an image build ARN, such as arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/3", rule);
        Assert.Matches(pattern, rule!.Substring(rule.IndexOf("arn:", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_pattern_that_is_not_an_arn_keeps_its_regular_expression()
    {
        Assert.Null(ArnRules.Describe(new Regex("^[-_A-Za-z0-9]{1,126}$")));
        // Unanchored "anything" patterns accept every example, but they do not ask for an ARN.
        Assert.Null(ArnRules.Describe(new Regex("[^\\x00]+")));
    }

    [Theory]
    [InlineData("arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly", "an image pipeline ARN")]
    [InlineData("arn:aws:imagebuilder:eu-west-1:123456789012:component/agent/2.1.0/4", "a component build ARN")]
    [InlineData("arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/2026.1.1", "an image version ARN")]
    [InlineData("arn:aws:s3:::bucket", null)]
    public void KindOf_names_the_arn_it_is_given(string arn, string? kind) => Assert.Equal(kind, ArnRules.KindOf(arn));
}
