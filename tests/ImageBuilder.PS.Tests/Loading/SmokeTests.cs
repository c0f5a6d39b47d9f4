using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Loading;

public sealed class SmokeTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public SmokeTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    [Fact]
    public void ListImagesReachesTheListener()
    {
        _f.Server.Enqueue(CannedResponse.Json("""{"requestId":"r1","imageVersionList":[{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0","name":"golden","version":"1.0.0","platform":"Windows","dateCreated":"2026-01-02T03:04:05.000Z"}]}"""));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Verbose");
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/ListImages", request.Path);
        Assert.NotNull(request.Header("Authorization"));
        var image = Assert.Single(result.Output);
        Assert.Equal("golden", image.Properties["Name"].Value);
    }
}
