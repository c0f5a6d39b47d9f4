using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Recipes.RecipeSamples;

namespace ImageBuilder.PS.Tests.Recipes;

/// <summary>Get-, New-, Update-, Remove-IbDistributionConfiguration: per-region settings from hashtables, merged by region on update.</summary>
public sealed class DistributionConfigurationTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public DistributionConfigurationTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private static string Line(RecordedRequest r) => r.Method + " " + r.RawUrl;

    private static readonly string GetLine = "GET /GetDistributionConfiguration?distributionConfigurationArn=" + Uri.EscapeDataString(DistArn);

    [Fact]
    public void ListAndGetRenderOneLinePerRegion()
    {
        _f.Server.Enqueue(CannedResponse.Json(DistSummaries("two-regions")));
        var result = _f.Run("Get-IbDistributionConfiguration -EndpointUrl $Endpoint -Name two-regions -MaxResults 3");
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /ListDistributionConfigurations", Line(request));
        Assert.Equal("""{"filters":[{"name":"name","values":["two-regions"]}],"maxResults":3}""", request.BodyText);
        Assert.Equal("ImageBuilder.PS.Model.Ib.DistributionConfigurationSummary", result.Output.Single().TypeNames[0]);
        Assert.Equal(DistArn, result.Output.Single().Properties["DistributionConfigurationArn"].Value);

        _f.Server.Enqueue(CannedResponse.Json(DistSummaries("two-regions")));
        var table = _f.Render("Get-IbDistributionConfiguration -EndpointUrl $Endpoint");
        Assert.Matches(@"Created\s+Name\s+Regions\s+Updated", table);
        Assert.Matches(@"2026-01-12 10:00\s+two-regions\s+us-east-1, eu-west-1\s", table);

        _f.Server.Enqueue(CannedResponse.Json(DistSummaries("two-regions")));
        Assert.Matches(@"Regions\s+: us-east-1, eu-west-1", _f.Render("Get-IbDistributionConfiguration -EndpointUrl $Endpoint | Format-List"));

        _f.Server.Enqueue(CannedResponse.Json(Dist));
        var full = _f.Run("Get-IbDistributionConfiguration -EndpointUrl $Endpoint -Arn $Arn", Vars(("Arn", DistArn)));
        full.AssertSuccess();
        Assert.Equal(GetLine, Line(_f.Server.Requests.Last()));
        Assert.Equal("ImageBuilder.PS.Model.Ib.DistributionConfiguration", full.Output.Single().TypeNames[0]);

        _f.Server.Enqueue(CannedResponse.Json(Dist));
        Assert.Matches(@"2026-01-12 10:00\s+two-regions\s+us-east-1, eu-west-1\s", _f.Render("Get-IbDistributionConfiguration -EndpointUrl $Endpoint -Arn " + DistArn));

        _f.Server.Enqueue(CannedResponse.Json(Dist));
        var list = _f.Render("Get-IbDistributionConfiguration -EndpointUrl $Endpoint -Arn " + DistArn + " | Format-List");
        Assert.Matches(@"Distributions\s+: us-east-1: AMI 'golden-\{\{ imagebuilder:buildDate \}\}', launchable by 111111111111; SSM /golden/ami\s*\n\s+eu-west-1: AMI 'golden-\{\{ imagebuilder:buildDate \}\}' to 333333333333", list);
        Assert.Matches(@"TimeoutMinutes\s+: 360", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);
    }

    [Fact]
    public void NewBuildsRegionsFromAHashtableKeyedByRegion()
    {
        _f.Server.Enqueue(CannedResponse.Json(Created("distributionConfigurationArn", DistArn)), CannedResponse.Json(Dist));
        var result = _f.Run("""
            $ami = @{ Name = 'golden-{{ imagebuilder:buildDate }}'; AmiTags = @{ Golden = 'yes' } }
            New-IbDistributionConfiguration -EndpointUrl $Endpoint two-regions -Description 'Home and Europe' -Tag @{ Team = 'Platform' } -Distribution ([ordered]@{
                'us-east-1' = @{ Ami = $ami + @{ LaunchPermission = @{ UserIds = '111111111111', '222222222222' } }; SsmParameter = @{ ParameterName = '/golden/windows/latest' } }
                'eu-west-1' = @{ Ami = $ami + @{ TargetAccountIds = '333333333333' } }
                'ap-southeast-2' = $null
            })
            """);
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "PUT /CreateDistributionConfiguration", GetLine }, requests.Select(Line));
        var body = requests[0].Json;
        Assert.Equal("two-regions", body.GetProperty("name").GetString());
        Assert.Equal("Home and Europe", body.GetProperty("description").GetString());
        var regions = body.GetProperty("distributions").EnumerateArray().ToList();
        Assert.Equal(new[] { "us-east-1", "eu-west-1", "ap-southeast-2" }, regions.Select(r => r.GetProperty("region").GetString()));
        var home = regions[0].GetProperty("amiDistributionConfiguration");
        Assert.Equal("golden-{{ imagebuilder:buildDate }}", home.GetProperty("name").GetString());
        Assert.Equal("""{"userIds":["111111111111","222222222222"]}""", home.GetProperty("launchPermission").GetRawText());
        Assert.Equal("""[{"parameterName":"/golden/windows/latest"}]""", regions[0].GetProperty("ssmParameterConfigurations").GetRawText());
        Assert.Equal("""["333333333333"]""", regions[1].GetProperty("amiDistributionConfiguration").GetProperty("targetAccountIds").GetRawText());
        Assert.Equal("""{"region":"ap-southeast-2"}""", regions[2].GetRawText());
        Assert.Equal("Platform", body.GetProperty("tags").GetProperty("Team").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.Equal("ImageBuilder.PS.Model.Ib.DistributionConfiguration", result.Output.Single().TypeNames[0]);
    }

    [Fact]
    public void NewTakesAListOfRegionHashtablesAndRegionNames()
    {
        _f.Server.Enqueue(CannedResponse.Json(Created("distributionConfigurationArn", DistArn)), CannedResponse.Json(Dist));
        var result = _f.Run("""
            New-IbDistributionConfiguration -EndpointUrl $Endpoint two-regions @(
                @{ Region = 'us-east-1'; AmiDistributionConfiguration = @{ Name = 'golden-{{ imagebuilder:buildDate }}' }; LaunchTemplate = @{ LaunchTemplateId = 'lt-0123456789abcdef0'; SetDefaultVersion = $true } }
                'eu-west-1'
            )
            """);
        result.AssertSuccess();
        var regions = _f.Server.Requests.First().Json.GetProperty("distributions");
        Assert.Equal("""[{"region":"us-east-1","amiDistributionConfiguration":{"name":"golden-{{ imagebuilder:buildDate }}"},"launchTemplateConfigurations":[{"launchTemplateId":"lt-0123456789abcdef0","setDefaultVersion":true}]},{"region":"eu-west-1"}]""",
            regions.GetRawText());
    }

    [Fact]
    public void NewTakesPSCustomObjectsAsWellAsHashtables()
    {
        _f.Server.Enqueue(CannedResponse.Json(Created("distributionConfigurationArn", DistArn)), CannedResponse.Json(Dist));
        var result = _f.Run("New-IbDistributionConfiguration -EndpointUrl $Endpoint two-regions ([pscustomobject]@{ Region = 'us-east-1'; Ami = [pscustomobject]@{ Name = 'golden-{{ imagebuilder:buildDate }}' } })");
        result.AssertSuccess();
        Assert.Equal("""[{"region":"us-east-1","amiDistributionConfiguration":{"name":"golden-{{ imagebuilder:buildDate }}"}}]""",
            _f.Server.Requests.First().Json.GetProperty("distributions").GetRawText());
    }

    [Fact]
    public void NewWhatIfSendsNothingAndBadInputIsRefused()
    {
        var whatIf = _f.Run("New-IbDistributionConfiguration -EndpointUrl $Endpoint two-regions @{ 'us-east-1' = $null; 'eu-west-1' = $null } -WhatIf");
        whatIf.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Matches(@"What if: Performing the operation ""Create distribution configuration"" on target ""two-regions \((us-east-1, eu-west-1|eu-west-1, us-east-1)\)""\.", whatIf.HostText);

        var unknown = _f.Run("New-IbDistributionConfiguration -EndpointUrl $Endpoint two-regions @{ Region = 'us-east-1'; Amis = @{ Name = 'x' } }");
        Assert.Empty(_f.Server.Requests);
        var message = unknown.Terminating?.Message ?? Assert.Single(unknown.Errors).Exception.Message;
        Assert.Contains("'Distribution'", message);
        Assert.Contains("has no property 'Amis'. It takes: Region, AmiDistributionConfiguration,", message);
        Assert.Contains("Ami, Container, LaunchTemplate", message);

        var invalid = _f.Run("New-IbDistributionConfiguration -EndpointUrl $Endpoint two-regions @{ 'us-east-1' = @{ Ami = @{ Name = 'bad|name' } } }");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(invalid.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith("The value 'bad|name' of -Distribution (distributions[0].amiDistributionConfiguration.name) is not valid: it must match the pattern", error.Exception.Message);
    }

    [Fact]
    public void UpdateSetsAndRemovesRegionsAndKeepsTheRest()
    {
        _f.Server.Enqueue(CannedResponse.Json(Dist), CannedResponse.Json(Created("distributionConfigurationArn", DistArn)), CannedResponse.Json(Dist));
        var result = _f.Run("[pscustomobject]@{ Arn = $Arn } | Update-IbDistributionConfiguration -EndpointUrl $Endpoint -Distribution @{ 'eu-west-1' = @{ Ami = @{ Name = 'eu-{{ imagebuilder:buildDate }}' } }; 'eu-central-1' = $null } -RemoveRegion US-EAST-1",
            Vars(("Arn", DistArn)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { GetLine, "PUT /UpdateDistributionConfiguration", GetLine }, requests.Select(Line));
        var body = requests[1].Json;
        Assert.Equal(DistArn, body.GetProperty("distributionConfigurationArn").GetString());
        Assert.Equal("Home and Europe", body.GetProperty("description").GetString());
        var regions = body.GetProperty("distributions").EnumerateArray().ToList();
        Assert.Equal(2, regions.Count);
        Assert.Equal("""{"region":"eu-west-1","amiDistributionConfiguration":{"name":"eu-{{ imagebuilder:buildDate }}"}}""", regions[0].GetRawText());
        Assert.Equal("""{"region":"eu-central-1"}""", regions[1].GetRawText());
        Assert.Equal("ImageBuilder.PS.Model.Ib.DistributionConfiguration", result.Output.Single().TypeNames[0]);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(Dist));
        var whatIf = _f.Run("Update-IbDistributionConfiguration -EndpointUrl $Endpoint $Arn -Description 'Europe only' -RemoveRegion us-east-1, us-west-2 -WhatIf", Vars(("Arn", DistArn)));
        Assert.Equal(new[] { GetLine }, _f.Server.Requests.Select(Line));
        Assert.Contains($"What if: Performing the operation \"Update distribution configuration (Description, remove us-east-1)\" on target \"{DistArn}\".", whatIf.HostText);
        Assert.Contains("does not distribute to us-west-2", Assert.Single(whatIf.Warnings).Message);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(Dist));
        var empty = _f.Run("Update-IbDistributionConfiguration -EndpointUrl $Endpoint $Arn -RemoveRegion us-east-1, eu-west-1", Vars(("Arn", DistArn)));
        Assert.Single(_f.Server.Requests);
        Assert.Contains("would leave", Assert.Single(empty.Errors).Exception.Message);
    }

    [Fact]
    public void RemoveDeletesWithForce()
    {
        _f.Server.Enqueue(CannedResponse.Json($"{{\"requestId\":\"r\",\"distributionConfigurationArn\":\"{DistArn}\"}}"));
        var removed = _f.Run("Remove-IbDistributionConfiguration -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", DistArn)));
        removed.AssertSuccess();
        Assert.Empty(removed.Output);
        Assert.Equal("DELETE /DeleteDistributionConfiguration?distributionConfigurationArn=" + Uri.EscapeDataString(DistArn), Line(_f.Server.SingleRequest()));

        _f.Server.Reset();
        var whatIf = _f.Run("Remove-IbDistributionConfiguration -EndpointUrl $Endpoint $Arn -WhatIf", Vars(("Arn", DistArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Delete distribution configuration\" on target \"{DistArn}\".", whatIf.HostText);

        var bad = _f.Run("Remove-IbDistributionConfiguration -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", InfraArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("of -Arn is not valid", Assert.Single(bad.Errors).Exception.Message);
    }
}
