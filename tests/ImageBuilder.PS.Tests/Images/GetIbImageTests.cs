using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Images;

/// <summary>Get-IbImage as a user runs it: the requests that reach the wire, the objects and views that come back.</summary>
public sealed class GetIbImageTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public GetIbImageTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    [Fact]
    public void ListSendsFiltersAndWritesImageVersions()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.ImageVersions(null, "golden-windows")));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Platform Windows -Owner Self -Name golden-windows -MaxResults 10");
        result.AssertSuccess();

        var request = _f.Server.SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/ListImages", request.RawUrl);
        Assert.Equal("application/json", request.Header("Content-Type")?.Split(';')[0]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=" + TestEnvironment.AccessKey + "/", request.Header("Authorization"));
        Assert.Contains("/us-east-1/imagebuilder/aws4_request", request.Header("Authorization"));
        Assert.NotNull(request.Header("X-Amz-Date"));
        Assert.Contains("ImageBuilder.PS/", request.Header("User-Agent"));
        var body = request.Json;
        Assert.Equal("Self", body.GetProperty("owner").GetString());
        Assert.Equal(10, body.GetProperty("maxResults").GetInt32());
        var filters = body.GetProperty("filters").EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("values")[0].GetString()!)).ToList();
        Assert.Equal(new[] { ("name", "golden-windows"), ("platform", "Windows") }, filters);
        Assert.False(body.TryGetProperty("nextToken", out _));

        var image = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.ImageVersion", image.TypeNames[0]);
        Assert.Equal("golden-windows", image.Properties["Name"].Value);
        Assert.Equal(new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc), image.Properties["DateCreated"].Value);
    }

    [Fact]
    public void KnownValuesTypedInAnyCaseAreSentAsTheServiceSpellsThem()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.ImageVersions(null, "golden-windows")));
        _f.Run("Get-IbImage -EndpointUrl $Endpoint -Owner amazon").AssertSuccess();
        Assert.Equal("Amazon", _f.Server.SingleRequest().Json.GetProperty("owner").GetString());

        // A value the module does not know goes as it is: the service may have added it.
        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(Samples.ImageVersions(null, "golden-windows")));
        _f.Run("Get-IbImage -EndpointUrl $Endpoint -Owner someoneelse").AssertSuccess();
        Assert.Equal("someoneelse", _f.Server.SingleRequest().Json.GetProperty("owner").GetString());
    }

    [Fact]
    public void AFilterGivenTwiceIsRefusedBeforeSending()
    {
        var both = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Platform Windows -Filter @{ Name = 'platform'; Values = 'Linux' }");
        var error = Assert.Single(both.Errors);
        Assert.Equal("FilterRepeated", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("The filter 'platform' is given twice (by -Filter and by -Platform). Give it once, with all its values.", error.Exception.Message);
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void AFilterGivenTwiceInFilterIsRefusedNamingFilter()
    {
        var twice = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Filter @{ Name = 'platform'; Values = 'Linux' }, @{ Name = 'Platform'; Values = 'Windows' }");
        var error = Assert.Single(twice.Errors);
        Assert.Equal("FilterRepeated", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("The filter 'Platform' is given twice (twice in -Filter). Give it once, with all its values.", error.Exception.Message);
        Assert.Equal("Platform", error.TargetObject);
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void WildcardNamesAreMatchedLocallyAndNotSent()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.ImageVersions(null, "golden-windows", "golden-linux", "base-windows")));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Name 'golden-*'");
        result.AssertSuccess();
        Assert.False(_f.Server.SingleRequest().Json.TryGetProperty("filters", out _));
        Assert.Equal(new[] { "golden-windows", "golden-linux" }, result.Output.Select(o => (string)o.Properties["Name"].Value));
    }

    [Fact]
    public void PagesStreamAndStopWhenThePipelineHasEnough()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.ImageVersions("page-2", "a", "b")), CannedResponse.Json(Samples.ImageVersions(null, "c")));
        var all = _f.Run("Get-IbImage -EndpointUrl $Endpoint");
        all.AssertSuccess();
        Assert.Equal(new[] { "a", "b", "c" }, all.Output.Select(o => (string)o.Properties["Name"].Value));
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("page-2", requests[1].Json.GetProperty("nextToken").GetString());

        _f.Server.Reset();
        _f.Server.Default = _ => CannedResponse.Json(Samples.ImageVersions("more", "x", "y"));
        var first = _f.Run("Get-IbImage -EndpointUrl $Endpoint | Select-Object -First 3");
        first.AssertSuccess();
        Assert.Equal(3, first.Output.Count);
        // The cmdlet cannot know how many Select-Object wants: page 3 was asked for while page 2 was written (one
        // page ahead, cancelled when the pipeline stopped), so it may or may not have reached the server. Never more.
        Assert.InRange(_f.Server.Requests.Count, 2, 3);

        _f.Server.Reset();
        _f.Server.Default = _ => CannedResponse.Json(Samples.ImageVersions("more", "x", "y"));
        var paged = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Skip 1 -First 2 -MaxResults 7");
        paged.AssertSuccess();
        Assert.Equal(new[] { "y", "x" }, paged.Output.Select(o => (string)o.Properties["Name"].Value));
        // Counted by page size: the request cancelled above can still arrive after the reset. -First is known in
        // advance, so no page beyond what it needs is asked for.
        Assert.Equal(2, _f.Server.Requests.Count(r => r.Json.TryGetProperty("maxResults", out var size) && size.GetInt32() == 7));
    }

    [Fact]
    public void ArnGetsTheImageInFullAndRendersIt()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.Image));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn $Arn", new Dictionary<string, object?> { ["Arn"] = Samples.ImageBuildArn });
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/GetImage", request.Path);
        Assert.Equal("imageBuildVersionArn=" + Uri.EscapeDataString(Samples.ImageBuildArn), request.Query);
        Assert.Empty(request.Body);
        var image = result.Output.Single();
        Assert.Equal("ImageBuilder.PS.Model.Ib.Image", image.TypeNames[0]);
        Assert.Equal("AVAILABLE", ((dynamic)image).State.Status);

        _f.Server.Enqueue(CannedResponse.Json(Samples.Image));
        var table = _f.Render("Get-IbImage -EndpointUrl $Endpoint -Arn " + Samples.ImageBuildArn);
        Assert.Matches(@"Status\s+Name\s+Version\s+Created\s+Ami", table);
        Assert.Matches(@"AVAILABLE\s+golden-windows\s+1\.0\.0/3\s+2026-03-04 05:06\s+ami-0123456789abcdef0", table);

        _f.Server.Enqueue(CannedResponse.Json(Samples.Image));
        var list = _f.Render("Get-IbImage -EndpointUrl $Endpoint -Arn " + Samples.ImageBuildArn + " | Format-List");
        Assert.Matches(@"Status\s+: AVAILABLE", list);
        Assert.Matches(@"Amis\s+: us-east-1: ami-0123456789abcdef0", list);
        Assert.Matches(@"Tags\s+: Team=Platform", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);
    }

    [Fact]
    public void ListRendersAsATable()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.ImageVersions(null, "golden-windows", "golden-linux")));
        var text = _f.Render("Get-IbImage -EndpointUrl $Endpoint");
        Assert.Matches(@"Platform\s+Name\s+Version\s+Created", text);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, @"Windows\s+golden-linux\s+1\.0\.0\s+2026-03-04 05:06"), text);
    }

    [Fact]
    public void ServiceErrorsBecomeErrorRecordsForTheirTarget()
    {
        _f.Server.Enqueue(CannedResponse.Error(404, "ResourceNotFoundException", "The image does not exist."));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn $Arn", new Dictionary<string, object?> { ["Arn"] = Samples.ImageBuildArn });
        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ResourceNotFoundException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(Samples.ImageBuildArn, error.TargetObject);
        Assert.Equal("The image does not exist. (ResourceNotFoundException, request id req-ResourceNotFoundException)", error.ErrorDetails.Message);
    }

    [Theory]
    [InlineData("-Arn 'not-an-arn'", "-Arn", "must be an image build ARN or an image version ARN")]
    [InlineData("-MaxResults 100", "-MaxResults", "must be at most 25")]
    [InlineData("-Filter @{ Name = 'platform'; Values = @() }", "-Filter", "must have at least 1 items")]
    public void BadInputIsRefusedBeforeAnythingIsSent(string arguments, string parameter, string rule)
    {
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint " + arguments);
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("ParameterValueInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(parameter, error.Exception.Message);
        Assert.Contains(rule, error.Exception.Message);
    }

    [Fact]
    public void UnknownFilterPropertiesAreNamed()
    {
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Filter @{ Nme = 'name' }");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ParameterArgumentTransformationError", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("has no property 'Nme'. It takes: Name, Values", error.Exception.Message);
    }

    [Fact]
    public void ObjectsCarryOnlyTheirDataNotTheModel()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.Image));
        var result = _f.Run("$i = Get-IbImage -EndpointUrl $Endpoint -Arn $Arn; ($i | Get-Member -MemberType Property).Name; '---'; $i | ConvertTo-Json -Depth 4 -Compress",
            new Dictionary<string, object?> { ["Arn"] = Samples.ImageBuildArn });
        result.AssertSuccess();
        var lines = result.Output.Select(o => o.ToString()).ToList();
        var properties = lines.TakeWhile(l => l != "---").ToList();
        Assert.Contains("State", properties);
        Assert.DoesNotContain("Shape", properties);
        var json = lines.Last();
        Assert.Contains("\"Name\":\"golden-windows\"", json);
        Assert.DoesNotContain("Shape", json);
    }
}
