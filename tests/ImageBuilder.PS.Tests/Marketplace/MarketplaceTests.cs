using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Marketplace;

/// <summary>Get-IbMarketplaceResource: the request on the wire, the object and its views, bad input.</summary>
public sealed class MarketplaceTests : IClassFixture<LoopbackFixture>
{
    private const string ComponentArn = "arn:aws:imagebuilder:us-east-1:aws-marketplace:component/vendor-agent/1.0.0/1";
    private const string Response = """
        {"resourceArn":"arn:aws:imagebuilder:us-east-1:aws-marketplace:component/vendor-agent/1.0.0/1",
        "url":"https://example-bucket.s3.amazonaws.com/vendor-agent.zip?X-Amz-Signature=abc",
        "data":"name: vendor-agent\nschemaVersion: 1.0\nphases: []\n"}
        """;

    private readonly LoopbackFixture _f;

    public MarketplaceTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    [Fact]
    public void AComponentPipedInIsCheckedAndItsDownloadDetailsWritten()
    {
        _f.Server.Enqueue(CannedResponse.Json(Response));
        var result = _f.Run("[pscustomobject]@{ Arn = $Arn } | Get-IbMarketplaceResource -EndpointUrl $Endpoint -ResourceType COMPONENT_DATA -ResourceLocation s3://my-bucket/vendor/",
            new Dictionary<string, object?> { ["Arn"] = ComponentArn });
        Assert.Contains("of -ResourceLocation is not valid", Assert.Single(result.Errors).Exception.Message);
        Assert.Empty(_f.Server.Requests);

        result = _f.Run("[pscustomobject]@{ Arn = $Arn } | Get-IbMarketplaceResource -EndpointUrl $Endpoint -ResourceType COMPONENT_ARTIFACT -ResourceLocation s3://my-bucket/vendor/agent.zip",
            new Dictionary<string, object?> { ["Arn"] = ComponentArn });
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /GetMarketplaceResource", request.Method + " " + request.RawUrl);
        Assert.Equal(ComponentArn, request.Json.GetProperty("resourceArn").GetString());
        Assert.Equal("COMPONENT_ARTIFACT", request.Json.GetProperty("resourceType").GetString());
        Assert.Equal("s3://my-bucket/vendor/agent.zip", request.Json.GetProperty("resourceLocation").GetString());
        var resource = Assert.Single(result.Output);
        // The module's own type, not the response wrapper: no RequestId, and it says what was asked for.
        Assert.Equal("ImageBuilder.PS.Model.Ib.MarketplaceResource", resource.TypeNames[0]);
        Assert.Null(resource.Properties["RequestId"]);
        Assert.Equal(ComponentArn, resource.Properties["ResourceArn"].Value);
        Assert.Equal("COMPONENT_ARTIFACT", resource.Properties["ResourceType"].Value);
        Assert.StartsWith("https://example-bucket", (string)resource.Properties["Url"].Value);

        _f.Server.Enqueue(CannedResponse.Json(Response));
        var table = _f.Render("Get-IbMarketplaceResource -EndpointUrl $Endpoint " + ComponentArn + " COMPONENT_DATA");
        Assert.Matches(@"Resource\s+Url\s+Document", table);
        Assert.Matches(@"vendor-agent/1\.0\.0/1\s+True\s+3 lines \(see \.Data\)", table);
        _f.Server.Enqueue(CannedResponse.Json(Response));
        var detail = _f.Render("Get-IbMarketplaceResource -EndpointUrl $Endpoint " + ComponentArn + " COMPONENT_DATA | Format-List");
        Assert.Matches(@"Url\s+: https://example-bucket", detail);
        Assert.Matches(@"ResourceType\s+: COMPONENT_DATA", detail);
    }

    [Fact]
    public void ServiceErrorsNameTheResource()
    {
        _f.Server.Enqueue(CannedResponse.Error(403, "ForbiddenException", "You are not subscribed to this product."));
        var result = _f.Run("Get-IbMarketplaceResource -EndpointUrl $Endpoint " + ComponentArn + " COMPONENT_DATA");
        var error = Assert.Single(result.Errors);
        Assert.Equal("ForbiddenException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Equal(ComponentArn, error.TargetObject);
    }
}
