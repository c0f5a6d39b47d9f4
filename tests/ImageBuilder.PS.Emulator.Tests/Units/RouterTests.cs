using ImageBuilder.PS.Emulator.Http;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Tests.Units;

public sealed class RouterTests
{
    private readonly RestJsonRouter _router = new(IbOperations.Service);

    [Theory]
    [InlineData("PUT", "/CreateComponent", "CreateComponent")]
    [InlineData("GET", "/GetImage", "GetImage")]
    [InlineData("DELETE", "/DeleteImage", "DeleteImage")]
    [InlineData("POST", "/ListImages", "ListImages")]
    [InlineData("GET", "/tags/x", "ListTagsForResource")]
    [InlineData("POST", "/tags/x", "TagResource")]
    [InlineData("DELETE", "/tags/x", "UntagResource")]
    public void Routes_by_method_and_path(string method, string path, string operation) =>
        Assert.Equal(operation, _router.Match(method, path, out _, out _)?.Name);

    [Theory]
    [InlineData("/tags/arn%3Aaws%3Aimagebuilder%3Aus-east-1%3A123456789012%3Acomponent%2Fa%2F1.0.0%2F1")]
    [InlineData("/tags/arn:aws:imagebuilder:us-east-1:123456789012:component/a/1.0.0/1")]
    public void A_trailing_label_takes_the_whole_arn(string path)
    {
        Assert.Equal("ListTagsForResource", _router.Match("GET", path, out var labels, out _)?.Name);
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:component/a/1.0.0/1", labels["resourceArn"]);
    }

    [Fact]
    public void A_wrong_method_is_told_from_an_unknown_path()
    {
        Assert.Null(_router.Match("GET", "/CreateComponent", out _, out var known));
        Assert.True(known);
        Assert.Null(_router.Match("GET", "/Nothing", out _, out known));
        Assert.False(known);
    }
}
