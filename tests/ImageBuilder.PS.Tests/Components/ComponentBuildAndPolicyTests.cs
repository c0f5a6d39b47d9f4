using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Components;

/// <summary>
/// The rest of the component surface: Get-IbComponentBuildVersion, Import-IbComponent and the component policy
/// cmdlets, and the deletion pipeline that starts from a wildcard name.
/// </summary>
public sealed class ComponentBuildAndPolicyTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public ComponentBuildAndPolicyTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public void BuildVersionsOfAComponentVersionAreListedAndRenderReadably()
    {
        _f.Server.Enqueue(CannedResponse.Json(ComponentSamples.Versions("install-agent")), CannedResponse.Json(ComponentSamples.Builds(1, 2)));
        var result = _f.Run("Get-IbComponent -EndpointUrl $Endpoint -Name install-agent | Get-IbComponentBuildVersion -EndpointUrl $Endpoint -MaxResults 25");
        result.AssertSuccess();
        var list = _f.Server.Requests.Last();
        Assert.Equal("POST /ListComponentBuildVersions", list.Method + " " + list.RawUrl);
        Assert.Equal(ComponentSamples.VersionArn, list.Json.GetProperty("componentVersionArn").GetString());
        Assert.Equal(25, list.Json.GetProperty("maxResults").GetInt32());
        Assert.Equal(new[] { ComponentSamples.VersionArn + "/1", ComponentSamples.VersionArn + "/2" }, result.Output.Select(o => (string)o.Properties["Arn"].Value));
        Assert.Equal("ImageBuilder.PS.Model.Ib.ComponentSummary", result.Output[0].TypeNames[0]);

        _f.Server.Enqueue(CannedResponse.Json(ComponentSamples.Builds(1, 2)));
        var table = _f.Render("Get-IbComponentBuildVersion -EndpointUrl $Endpoint " + ComponentSamples.BuildArn);
        Assert.Equal(ComponentSamples.VersionArn, _f.Server.Requests.Last().Json.GetProperty("componentVersionArn").GetString());
        Assert.Matches(@"Type\s+Name\s+Version\s+Platform\s+State\s+Created", table);
        Assert.Matches(@"BUILD\s+install-agent\s+1\.0\.0/1\s+Linux\s+DEPRECATED\s+2026-02-01 10:00", table);
        Assert.Matches(@"BUILD\s+install-agent\s+1\.0\.0/2\s+Linux\s+ACTIVE", table);
        _f.Server.Enqueue(CannedResponse.Json(ComponentSamples.Builds(2)));
        var detail = _f.Render("Get-IbComponentBuildVersion -EndpointUrl $Endpoint " + ComponentSamples.VersionArn + " | Format-List");
        Assert.Matches(@"Description\s+: Installs the agent", detail);
        Assert.Matches(@"Tags\s+: Team=Platform", detail);
    }

    [Fact]
    public void BuildVersionsRefuseWhatIsNotAComponentVersion()
    {
        var result = _f.Run("Get-IbComponentBuildVersion -EndpointUrl $Endpoint arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.x.x");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("of -Arn is not valid: it must be a component", error.Exception.Message);
    }

    [Fact]
    public void ImportSendsTheScriptAndWritesTheComponent()
    {
        _f.Server.Enqueue(CannedResponse.Json(ComponentSamples.Imported), CannedResponse.Json(ComponentSamples.Component));
        var result = _f.Run("Import-IbComponent -EndpointUrl $Endpoint install-agent 1.0.0 -Platform Linux -Type BUILD -Data $Script -ChangeDescription 'First cut' -Tag @{ Team = 'Platform' }",
            Vars(("Script", ComponentSamples.Script)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "PUT /ImportComponent", "GET /GetComponent?componentBuildVersionArn=" + Uri.EscapeDataString(ComponentSamples.BuildArn) }, requests.Select(r => r.Method + " " + r.RawUrl));
        var body = requests[0].Json;
        Assert.Equal("install-agent", body.GetProperty("name").GetString());
        Assert.Equal("1.0.0", body.GetProperty("semanticVersion").GetString());
        Assert.Equal("Linux", body.GetProperty("platform").GetString());
        Assert.Equal("BUILD", body.GetProperty("type").GetString());
        Assert.Equal("SHELL", body.GetProperty("format").GetString());
        Assert.Equal(ComponentSamples.Script, body.GetProperty("data").GetString());
        Assert.Equal("First cut", body.GetProperty("changeDescription").GetString());
        Assert.Equal("Platform", body.GetProperty("tags").GetProperty("Team").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.Equal("ImageBuilder.PS.Model.Ib.Component", result.Output.Single().TypeNames[0]);
    }

    [Fact]
    public void ImportReadsAFileOrTakesAnS3Uri()
    {
        var file = Path.Combine(TestEnvironment.Home, "install-agent.sh");
        File.WriteAllText(file, ComponentSamples.Script);
        _f.Server.Enqueue(CannedResponse.Json(ComponentSamples.Imported), CannedResponse.Json(ComponentSamples.Component));
        _f.Run("Import-IbComponent -EndpointUrl $Endpoint install-agent 1.0.0 -Platform Linux -Type TEST -Path $File -ClientToken import-1", Vars(("File", file))).AssertSuccess();
        var body = _f.Server.Requests.First().Json;
        Assert.Equal(ComponentSamples.Script, body.GetProperty("data").GetString());
        Assert.Equal("TEST", body.GetProperty("type").GetString());
        Assert.Equal("import-1", body.GetProperty("clientToken").GetString());

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(ComponentSamples.Imported), CannedResponse.Json(ComponentSamples.Component));
        _f.Run("Import-IbComponent -EndpointUrl $Endpoint install-agent 1.0.0 -Platform Linux -Type BUILD -Uri s3://bucket/install-agent.sh").AssertSuccess();
        body = _f.Server.Requests.First().Json;
        Assert.Equal("s3://bucket/install-agent.sh", body.GetProperty("uri").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public void ImportWhatIfSendsNothingAndBadInputIsRefused()
    {
        var whatIf = _f.Run("Import-IbComponent -EndpointUrl $Endpoint install-agent 1.0.0 -Platform Linux -Type BUILD -Data x -WhatIf");
        whatIf.AssertSuccess();
        Assert.Contains("What if: Performing the operation \"Import component\" on target \"install-agent 1.0.0 (Linux, BUILD)\".", whatIf.HostText);

        var bad = _f.Run("Import-IbComponent -EndpointUrl $Endpoint install-agent 1.0 -Platform Linux -Type BUILD -Data x");
        Assert.Contains("The value '1.0' of -SemanticVersion is not valid: it must be a version of three whole numbers joined by dots (major.minor.patch), such as 1.0.0", Assert.Single(bad.Errors).Exception.Message);
        var missing = _f.Run("Import-IbComponent -EndpointUrl $Endpoint install-agent 1.0.0 -Platform Linux -Type BUILD -Path ./no-such-script.sh");
        Assert.Equal("ComponentDocumentUnreadable", Assert.Single(missing.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void PolicyIsReadForEachBuildOfAVersion()
    {
        _f.Server.Enqueue(CannedResponse.Json(ComponentSamples.Builds(1, 2)));
        _f.Server.Default = _ => CannedResponse.Json(ComponentSamples.PolicyResponse);
        var result = _f.Run("Get-IbComponentPolicy -EndpointUrl $Endpoint $Arn", Vars(("Arn", ComponentSamples.VersionArn)));
        result.AssertSuccess();
        Assert.Equal(new[] { "POST /ListComponentBuildVersions",
            "GET /GetComponentPolicy?componentArn=" + Uri.EscapeDataString(ComponentSamples.VersionArn + "/1"),
            "GET /GetComponentPolicy?componentArn=" + Uri.EscapeDataString(ComponentSamples.VersionArn + "/2") }, _f.Server.Requests.Select(r => r.Method + " " + r.RawUrl));
        // Each policy says which build it belongs to.
        Assert.Equal(new[] { ComponentSamples.Policy, ComponentSamples.Policy }, result.Output.Select(o => (string)o.Properties["Policy"].Value));
        Assert.Equal(new[] { ComponentSamples.VersionArn + "/1", ComponentSamples.VersionArn + "/2" }, result.Output.Select(o => (string)o.Properties["Arn"].Value));
    }

    [Fact]
    public void PolicyIsSetOnABuildAndWhatIfSendsNothing()
    {
        var whatIf = _f.Run("Set-IbComponentPolicy -EndpointUrl $Endpoint $Arn $Policy -WhatIf", Vars(("Arn", ComponentSamples.BuildArn), ("Policy", ComponentSamples.Policy)));
        whatIf.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Set component policy\" on target \"{ComponentSamples.BuildArn}\".", whatIf.HostText);

        _f.Server.Enqueue(CannedResponse.Json($"{{\"requestId\":\"r\",\"componentArn\":\"{ComponentSamples.BuildArn}\"}}"));
        var result = _f.Run("[pscustomobject]@{ ComponentBuildVersionArn = $Arn } | Set-IbComponentPolicy -EndpointUrl $Endpoint -Policy $Policy -PassThru",
            Vars(("Arn", ComponentSamples.BuildArn), ("Policy", ComponentSamples.Policy)));
        result.AssertSuccess();
        var put = _f.Server.SingleRequest();
        Assert.Equal("PUT /PutComponentPolicy", put.Method + " " + put.RawUrl);
        Assert.Equal(ComponentSamples.BuildArn, put.Json.GetProperty("componentArn").GetString());
        Assert.Equal(ComponentSamples.Policy, put.Json.GetProperty("policy").GetString());
        Assert.Equal(ComponentSamples.BuildArn, result.Output.Single().Properties["Arn"].Value);
    }

    [Fact]
    public void PolicyRefusesWhatIsNotAComponent()
    {
        var result = _f.Run("Set-IbComponentPolicy -EndpointUrl $Endpoint arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0/1 '{}'");
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("is not a component ARN", Assert.Single(result.Errors).Exception.Message);
    }

    [Fact]
    public void OldComponentsFoundByWildcardAreOnlyReportedWithWhatIf()
    {
        _f.Server.Enqueue(CannedResponse.Json(ComponentSamples.Versions("old-agent", "new-agent", "old-tools")));
        _f.Server.Default = r => CannedResponse.Json(ComponentSamples.Builds(1).Replace(ComponentSamples.VersionArn, r.Json.GetProperty("componentVersionArn").GetString()));
        var result = _f.Run("Get-IbComponent -EndpointUrl $Endpoint -Name old-* | Remove-IbComponent -EndpointUrl $Endpoint -WhatIf");
        result.AssertSuccess();
        Assert.DoesNotContain(_f.Server.Requests, r => r.Method == "DELETE");
        Assert.Contains("What if: Performing the operation \"Delete component build version\" on target \"arn:aws:imagebuilder:us-east-1:123456789012:component/old-agent/1.0.0/1\".", result.HostText);
        Assert.Contains("component/old-tools/1.0.0/1", result.HostText);
        Assert.DoesNotContain("new-agent", result.HostText);
    }

    [Fact]
    public void PolicyIsReadOnlyForComponents()
    {
        var result = _f.Run("Get-IbComponentPolicy -EndpointUrl $Endpoint arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0/1");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("is not a component ARN", error.Exception.Message);
    }
}
