using System.Management.Automation;
using System.Text.Json;
using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Images.ImageSamples;

namespace ImageBuilder.PS.Tests.Images;

/// <summary>Get-IbImageBuildVersion and Get-IbImagePackage: the builds of an image version and what is installed in them.</summary>
public sealed class ImageBuildVersionTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public ImageBuildVersionTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    /// <summary>ListImages, then ListImageBuildVersions for each version, answered per request as the service would.</summary>
    private void AnswerLikeTheService()
    {
        _f.Server.Default = request => request.Path switch
        {
            "/ListImages" => CannedResponse.Json(ImageVersions("golden-windows", "base-windows")),
            "/ListImageBuildVersions" => request.Json.GetProperty("imageVersionArn").GetString()!.Contains("golden-windows")
                ? CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 1, "FAILED"), Build("golden-windows", "1.0.0", 2, "AVAILABLE")))
                : CannedResponse.Json(BuildVersions(null, Build("base-windows", "1.0.0", 1, "AVAILABLE"), Build("base-windows", "1.0.0", 2, "BUILDING", withAmi: false))),
            _ => CannedResponse.Error(400, "InvalidRequestException", "unexpected " + request.Path),
        };
    }

    [Fact]
    public void TheImagePipelineToAvailableBuildsWorksAsWritten()
    {
        AnswerLikeTheService();
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Owner Self -Platform Windows | Get-IbImageBuildVersion -EndpointUrl $Endpoint | Where-Object Status -eq AVAILABLE");
        result.AssertSuccess();
        Assert.Equal(new[] { VersionArn + "/2", "arn:aws:imagebuilder:us-east-1:123456789012:image/base-windows/1.0.0/1" },
            result.Output.Select(o => (string)o.Properties["Arn"].Value));
        Assert.All(result.Output, o => Assert.Equal("ImageBuilder.PS.Model.Ib.ImageSummary", o.TypeNames[0]));
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "POST /ListImages", "POST /ListImageBuildVersions", "POST /ListImageBuildVersions" }, requests.Select(r => r.Method + " " + r.Path));
        Assert.Equal("Self", requests[0].Json.GetProperty("owner").GetString());
        Assert.Equal(VersionArn, requests[1].Json.GetProperty("imageVersionArn").GetString());
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:image/base-windows/1.0.0", requests[2].Json.GetProperty("imageVersionArn").GetString());
    }

    [Fact]
    public void ABuildArnListsTheBuildsOfItsVersionWithFiltersAndStatus()
    {
        _f.Server.Enqueue(CannedResponse.Json(BuildVersions("next", Build("golden-windows", "1.0.0", 1, "FAILED"))),
            CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 2, "AVAILABLE"), Build("golden-windows", "1.0.0", 3, "FAILED"))));
        var result = _f.Run("Get-IbImageBuildVersion -EndpointUrl $Endpoint $Arn -Platform Windows -Type AMI -MaxResults 2 -Status failed", Vars(("Arn", BuildArn)));
        result.AssertSuccess();
        Assert.Equal(new[] { VersionArn + "/1", VersionArn + "/3" }, result.Output.Select(o => (string)o.Properties["Arn"].Value));
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        var body = requests[0].Json;
        Assert.Equal("/ListImageBuildVersions", requests[0].RawUrl);
        Assert.Equal(VersionArn, body.GetProperty("imageVersionArn").GetString());
        Assert.Equal(2, body.GetProperty("maxResults").GetInt32());
        Assert.Equal("[{\"name\":\"platform\",\"values\":[\"Windows\"]},{\"name\":\"type\",\"values\":[\"AMI\"]}]", body.GetProperty("filters").GetRawText());
        Assert.Equal("next", requests[1].Json.GetProperty("nextToken").GetString());
    }

    [Fact]
    public void BuildVersionsRenderAsATableAndAList()
    {
        _f.Server.Default = _ => CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 2, "AVAILABLE"), Build("golden-windows", "1.0.0", 3, "FAILED", withAmi: false)));
        var table = _f.Render("Get-IbImageBuildVersion -EndpointUrl $Endpoint " + VersionArn);
        Assert.Matches(@"Status\s+Name\s+Version\s+Created\s+Ami", table);
        Assert.Matches(@"AVAILABLE\s+golden-windows\s+1\.0\.0/2\s+2026-03-02 05:06\s+ami-0123456789abcdef0", table);
        Assert.Matches(@"FAILED\s+golden-windows\s+1\.0\.0/3\s+2026-03-03 05:06", table);

        var list = _f.Render("Get-IbImageBuildVersion -EndpointUrl $Endpoint " + VersionArn + " -First 1 | Format-List");
        Assert.Matches(@"Status\s+: AVAILABLE", list);
        Assert.Matches(@"Amis\s+: us-east-1: ami-0123456789abcdef0", list);
        Assert.Matches(@"Created\s+: 2026-03-02 05:06:07", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);
    }

    [Theory]
    [InlineData("-Arn 'arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.x.x'", "-Arn", "must be an image")]
    [InlineData("-MaxResults 0", "-MaxResults", "must be at least 1")]
    public void BadBuildVersionInputIsRefused(string arguments, string parameter, string rule)
    {
        var result = _f.Run("Get-IbImageBuildVersion -EndpointUrl $Endpoint " + arguments);
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(parameter, error.Exception.Message);
        Assert.Contains(rule, error.Exception.Message);
    }

    [Fact]
    public void PackagesOfABuildStreamAndSayWhichBuildTheyCameFrom()
    {
        _f.Server.Enqueue(CannedResponse.Json(Packages("p2", ("openssl", "3.0.8"), ("curl", "8.5.0"))), CannedResponse.Json(Packages(null, ("git", "2.43.0"))));
        var result = _f.Run("Get-IbImagePackage -EndpointUrl $Endpoint -Arn $Arn -MaxResults 2", Vars(("Arn", BuildArn)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "POST /ListImagePackages", "POST /ListImagePackages" }, requests.Select(r => r.Method + " " + r.RawUrl));
        Assert.Equal($"{{\"imageBuildVersionArn\":\"{BuildArn}\",\"maxResults\":2}}", requests[0].BodyText);
        Assert.Equal("p2", requests[1].Json.GetProperty("nextToken").GetString());
        Assert.Equal(new[] { "openssl", "curl", "git" }, result.Output.Select(o => (string)o.Properties["PackageName"].Value));
        Assert.All(result.Output, o => Assert.Equal(BuildArn, o.Properties["ImageBuildVersionArn"].Value));
        Assert.Equal("ImageBuilder.PS.Model.Ib.ImagePackage", result.Output[0].TypeNames[0]);
    }

    [Fact]
    public void PackagesOfAVersionCoverEachBuildAndFirstCountsAcrossThem()
    {
        _f.Server.Default = request => request.Path switch
        {
            "/ListImages" => CannedResponse.Json(ImageVersions("golden-windows")),
            "/ListImageBuildVersions" => CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 1, "AVAILABLE"), Build("golden-windows", "1.0.0", 2, "AVAILABLE"))),
            _ => CannedResponse.Json(Packages(null, ("openssl", request.Json.GetProperty("imageBuildVersionArn").GetString()!.EndsWith("/1") ? "3.0.1" : "3.0.8"))),
        };
        var all = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Name golden-windows | Get-IbImagePackage -EndpointUrl $Endpoint");
        all.AssertSuccess();
        Assert.Equal(new[] { "3.0.1", "3.0.8" }, all.Output.Select(o => (string)o.Properties["PackageVersion"].Value));
        Assert.Equal(new[] { VersionArn + "/1", VersionArn + "/2" }, all.Output.Select(o => (string)o.Properties["ImageBuildVersionArn"].Value));

        _f.Server.Requests.Clear();
        var first = _f.Run("Get-IbImagePackage -EndpointUrl $Endpoint -Arn $Arn -First 1", Vars(("Arn", VersionArn)));
        first.AssertSuccess();
        Assert.Single(first.Output);
        Assert.Equal(new[] { "/ListImageBuildVersions", "/ListImagePackages" }, _f.Server.Requests.Select(r => r.Path));

        var table = _f.Render("Get-IbImagePackage -EndpointUrl $Endpoint -Arn " + VersionArn);
        Assert.Matches(@"PackageName\s+PackageVersion\s+Image", table);
        Assert.Matches(@"openssl\s+3\.0\.1\s+golden-windows/1\.0\.0/1", table);
        var list = _f.Render("Get-IbImagePackage -EndpointUrl $Endpoint -Arn " + BuildArn + " | Format-List");
        Assert.Matches(@"ImageBuildVersionArn\s+: " + System.Text.RegularExpressions.Regex.Escape(BuildArn), list);
    }

    [Fact]
    public void PackagesRefuseWhatIsNotAnImageArn()
    {
        var result = _f.Run("Get-IbImagePackage -EndpointUrl $Endpoint -Arn $Arn", Vars(("Arn", RecipeArn)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("is not an image ARN", error.Exception.Message);
    }
}
