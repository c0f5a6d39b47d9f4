using System.Collections;
using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Tagging;

/// <summary>Get-, Add- and Remove-IbTag: tags as hashtables, ARNs from any of the module's objects, -WhatIf, bad input.</summary>
public sealed class TagTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public TagTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private const string LinuxArn = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-linux/1.0.0";

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public void TagsComeBackAsAHashtableForEachPipedResource()
    {
        // Images listed by version are tagged by build: each version's builds are listed, then tagged.
        _f.Server.Enqueue(CannedResponse.Json(TagSamples.ImageVersions),
            CannedResponse.Json(TagSamples.OneBuild(TagSamples.ImageArn)), CannedResponse.Json(TagSamples.Tags),
            CannedResponse.Json(TagSamples.OneBuild(LinuxArn)), CannedResponse.Json("""{"tags":{}}"""));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint | Get-IbTag -EndpointUrl $Endpoint");
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal("POST /ListImageBuildVersions", requests[1].Method + " " + requests[1].RawUrl);
        Assert.Equal("GET " + TagSamples.PathFor(TagSamples.ImageArn + "/1"), requests[2].Method + " " + requests[2].RawUrl);
        Assert.Equal(5, requests.Count);
        var tags = Assert.IsType<Hashtable>(result.Output[0].BaseObject);
        Assert.Equal("Platform", tags["team"]);
        Assert.Equal("42", tags["CostCentre"]);
        Assert.Empty(Assert.IsType<Hashtable>(result.Output[1].BaseObject));

        _f.Server.Enqueue(CannedResponse.Json(TagSamples.Tags));
        Assert.Matches(@"Team\s+Platform", _f.Render("Get-IbTag -EndpointUrl $Endpoint " + TagSamples.PolicyArn));
        _f.Server.Enqueue(CannedResponse.Json(TagSamples.Tags));
        Assert.Matches(@"Name\s+: CostCentre", _f.Render("Get-IbTag -EndpointUrl $Endpoint " + TagSamples.PolicyArn + " | Format-List"));
    }

    [Fact]
    public void AddSendsTheHashtableAndWritesNothingUnlessPassThru()
    {
        _f.Server.Enqueue(CannedResponse.Json("{}"));
        var quiet = _f.Run("Add-IbTag -EndpointUrl $Endpoint $Arn @{ Team = 'Platform'; Tier = 1 }", Vars(("Arn", TagSamples.PolicyArn)));
        quiet.AssertSuccess();
        Assert.Empty(quiet.Output);
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST " + TagSamples.PathFor(TagSamples.PolicyArn), request.Method + " " + request.RawUrl);
        Assert.Equal("Platform", request.Json.GetProperty("tags").GetProperty("Team").GetString());
        Assert.Equal("1", request.Json.GetProperty("tags").GetProperty("Tier").GetString());
        Assert.False(request.Json.TryGetProperty("resourceArn", out _));

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(TagSamples.ImageVersions),
            CannedResponse.Json(TagSamples.OneBuild(TagSamples.ImageArn)), CannedResponse.Json("{}"),
            CannedResponse.Json(TagSamples.OneBuild(LinuxArn)), CannedResponse.Json("{}"));
        var passThru = _f.Run("Get-IbImage -EndpointUrl $Endpoint | Add-IbTag -EndpointUrl $Endpoint -Tag @{ Golden = 'yes' } -PassThru");
        passThru.AssertSuccess();
        Assert.Equal(new[] { TagSamples.ImageArn + "/1", LinuxArn + "/1" }, passThru.Output.Select(o => (string)o.BaseObject));
    }

    [Theory]
    [InlineData("@{ Owner = @{ Team = 'Platform' } }", "The value of 'Owner' is a Hashtable")]
    [InlineData("@{ Regions = 'us-east-1', 'eu-west-1' }", "The value of 'Regions' is a Object[]")]
    public void ATagValueThatIsNotOnePieceOfTextIsRefused(string tags, string message)
    {
        var result = _f.Run($"Add-IbTag -EndpointUrl $Endpoint $Arn {tags}", Vars(("Arn", TagSamples.PolicyArn)));
        var error = Assert.Single(result.Errors);
        Assert.Contains("Tag", error.Exception.Message);
        Assert.Contains(message, error.Exception.Message);
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void RemoveSendsTheKeysInTheQuery()
    {
        _f.Server.Enqueue(CannedResponse.Json("{}"));
        var result = _f.Run("Remove-IbTag -EndpointUrl $Endpoint $Arn Team, CostCentre -PassThru", Vars(("Arn", TagSamples.PolicyArn)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("DELETE " + TagSamples.PathFor(TagSamples.PolicyArn), request.Method + " " + request.Path);
        Assert.Equal(new[] { "tagKeys=CostCentre", "tagKeys=Team" }, request.Query.Split('&').Order());
        Assert.Equal(TagSamples.PolicyArn, result.Output.Single().BaseObject);
    }

    [Fact]
    public void WhatIfSendsNothingAndSaysWhichTags()
    {
        var add = _f.Run("Add-IbTag -EndpointUrl $Endpoint $Arn @{ Team = 'Platform' } -WhatIf", Vars(("Arn", TagSamples.PolicyArn)));
        add.AssertSuccess();
        Assert.Contains($"What if: Performing the operation \"Add tags (Team)\" on target \"{TagSamples.PolicyArn}\".", add.HostText);
        var remove = _f.Run("Remove-IbTag -EndpointUrl $Endpoint $Arn Team -WhatIf", Vars(("Arn", TagSamples.PolicyArn)));
        remove.AssertSuccess();
        Assert.Contains($"What if: Performing the operation \"Remove tags (Team)\" on target \"{TagSamples.PolicyArn}\".", remove.HostText);
        Assert.Empty(_f.Server.Requests);
    }

    [Theory]
    [InlineData("Add-IbTag $Arn @{ 'aws:name' = 'x' }", "of -Tag")]
    [InlineData("Add-IbTag $Arn @{}", "-Tag")]
    [InlineData("Get-IbTag arn:aws:s3:::bucket", "of -ResourceArn is not valid")]
    [InlineData("Remove-IbTag arn:aws:s3:::bucket Team", "of -ResourceArn is not valid")]
    public void BadInputIsRefusedAndNothingIsSent(string command, string message)
    {
        var result = _f.Run(command.Replace("$Arn", "'" + TagSamples.PolicyArn + "'") + " -EndpointUrl $Endpoint");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(message, error.Exception.Message);
    }
}
