using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Components;

/// <summary>Get-, New- and Remove-IbComponent: requests on the wire, confirmation, -WhatIf, errors per item.</summary>
public sealed class ComponentTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public ComponentTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public void ListAndGetWriteComponentsThatRenderReadably()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.ComponentVersions("install-agent", "harden-os")));
        var list = _f.Run("Get-IbComponent -EndpointUrl $Endpoint -Owner Amazon -Platform Windows -Type BUILD");
        list.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /ListComponents", request.Method + " " + request.RawUrl);
        Assert.Equal("Amazon", request.Json.GetProperty("owner").GetString());
        Assert.Equal(2, request.Json.GetProperty("filters").GetArrayLength());
        Assert.Equal(new[] { "install-agent", "harden-os" }, list.Output.Select(o => (string)o.Properties["Name"].Value));

        _f.Server.Enqueue(CannedResponse.Json(Samples.ComponentVersions("install-agent")));
        var table = _f.Render("Get-IbComponent -EndpointUrl $Endpoint");
        Assert.Matches(@"Type\s+Name\s+Version\s+Platform\s+Status\s+Created", table);
        Assert.Matches(@"BUILD\s+install-agent\s+1\.0\.0\s+Windows\s+ACTIVE\s+2026-02-01 10:00", table);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(Samples.Component));
        var full = _f.Run("Get-IbComponent -EndpointUrl $Endpoint -Arn $Arn", Vars(("Arn", Samples.ComponentBuildArn)));
        full.AssertSuccess();
        var get = _f.Server.SingleRequest();
        Assert.Equal("GET", get.Method);
        Assert.Equal("/GetComponent?componentBuildVersionArn=" + Uri.EscapeDataString(Samples.ComponentBuildArn), get.RawUrl);
        Assert.StartsWith("name: install-agent", (string)full.Output.Single().Properties["Data"].Value);

        _f.Server.Enqueue(CannedResponse.Json(Samples.Component));
        var detail = _f.Render("Get-IbComponent -EndpointUrl $Endpoint -Arn " + Samples.ComponentBuildArn + " | Format-List");
        Assert.Matches(@"State\s+: ACTIVE", detail);
        Assert.Matches(@"Document\s+: 5 lines \(see \.Data\)", detail);
        Assert.Matches(@"Tags\s+: Team=Platform", detail);
    }

    [Fact]
    public void NewComponentSendsTheDocumentAndWritesTheCreatedComponent()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.Created), CannedResponse.Json(Samples.Component));
        var result = _f.Run("New-IbComponent -EndpointUrl $Endpoint -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc -Description 'Installs the agent' -Tag @{ Team = 'Platform' } -SupportedOsVersion 'Microsoft Windows Server 2022'",
            Vars(("Doc", Samples.Document)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("PUT /CreateComponent", requests[0].Method + " " + requests[0].RawUrl);
        var body = requests[0].Json;
        Assert.Equal("install-agent", body.GetProperty("name").GetString());
        Assert.Equal("1.0.0", body.GetProperty("semanticVersion").GetString());
        Assert.Equal("Windows", body.GetProperty("platform").GetString());
        Assert.Equal(Samples.Document, body.GetProperty("data").GetString());
        Assert.Equal("Platform", body.GetProperty("tags").GetProperty("Team").GetString());
        Assert.Equal("Microsoft Windows Server 2022", body.GetProperty("supportedOsVersions")[0].GetString());
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.False(body.TryGetProperty("uri", out _));
        Assert.Equal("GET /GetComponent?componentBuildVersionArn=" + Uri.EscapeDataString(Samples.ComponentBuildArn), requests[1].Method + " " + requests[1].RawUrl);
        Assert.Equal("ImageBuilder.PS.Model.Ib.Component", result.Output.Single().TypeNames[0]);
    }

    [Fact]
    public void NewComponentReadsAFileAndKeepsTheCallersClientToken()
    {
        var file = Path.Combine(TestEnvironment.Home, "component.yaml");
        File.WriteAllText(file, Samples.Document);
        _f.Server.Enqueue(CannedResponse.Json(Samples.Created), CannedResponse.Json(Samples.Component));
        var result = _f.Run("New-IbComponent -EndpointUrl $Endpoint install-agent 1.0.0 -Platform Windows -Path $File -ClientToken rerun-1", Vars(("File", file)));
        result.AssertSuccess();
        var body = _f.Server.Requests.First().Json;
        Assert.Equal(Samples.Document, body.GetProperty("data").GetString());
        Assert.Equal("rerun-1", body.GetProperty("clientToken").GetString());
    }

    [Fact]
    public void NewComponentWhatIfSendsNothing()
    {
        var result = _f.Run("New-IbComponent -EndpointUrl $Endpoint -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc -WhatIf", Vars(("Doc", Samples.Document)));
        result.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Empty(result.Output);
        Assert.Contains("What if: Performing the operation \"Create component\" on target \"install-agent 1.0.0 (Windows)\".", result.HostText);
    }

    [Theory]
    [InlineData("-Name 'install/agent'", "-Name", "'install/agent'", "must match the pattern")]
    [InlineData("-Name install-agent -SemanticVersion 1.0", "-SemanticVersion", "'1.0'", "must be a version of three whole numbers")]
    [InlineData("-Name install-agent -Description ''", "-Description", "''", "must have at least 1 characters")]
    public void NewComponentRefusesBadInputAndSendsNothing(string arguments, string parameter, string value, string rule)
    {
        var script = "New-IbComponent -EndpointUrl $Endpoint -Platform Windows -Data 'x' -SkipValidation " + arguments;
        if (!arguments.Contains("-SemanticVersion")) script += " -SemanticVersion 1.0.0";
        var result = _f.Run(script);
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains($"The value {value} of {parameter} is not valid: it {rule}", error.Exception.Message);
    }

    [Fact]
    public void NewComponentReportsServiceErrors()
    {
        _f.Server.Enqueue(CannedResponse.Error(400, "InvalidParameterCombinationException", "You must specify the data or the uri."));
        var result = _f.Run("New-IbComponent -EndpointUrl $Endpoint -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data x -SkipValidation");
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidParameterCombinationException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Single(_f.Server.Requests);
    }

    [Fact]
    public void RemoveDeletesABuildVersionWithForce()
    {
        // The host is shared by the class's tests, which xunit runs in no fixed order: only this command's prompts count.
        _f.Session.Host.Captured.Prompts.Clear();
        _f.Server.Enqueue(CannedResponse.Json($"{{\"requestId\":\"r\",\"componentBuildVersionArn\":\"{Samples.ComponentBuildArn}\"}}"));
        var result = _f.Run("Remove-IbComponent -EndpointUrl $Endpoint -Arn $Arn -Force -PassThru", Vars(("Arn", Samples.ComponentBuildArn)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/DeleteComponent?componentBuildVersionArn=" + Uri.EscapeDataString(Samples.ComponentBuildArn), request.RawUrl);
        Assert.Equal(Samples.ComponentBuildArn, result.Output.Single().BaseObject);
        Assert.Empty(_f.Session.Host.Captured.Prompts);
    }

    [Fact]
    public void RemoveAsksFirstAndANoSendsNothing()
    {
        _f.Session.Host.Captured.ChoiceAnswer = 2; // [N] No
        var result = _f.Run("Remove-IbComponent -EndpointUrl $Endpoint -Arn $Arn", Vars(("Arn", Samples.ComponentBuildArn)));
        result.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains(_f.Session.Host.Captured.Prompts, p => p.Contains(Samples.ComponentBuildArn));
    }

    [Fact]
    public void RemoveGivenAVersionDeletesEachBuildAndWhatIfOnlyReads()
    {
        var builds = "{\"requestId\":\"r\",\"componentSummaryList\":[" +
            $"{{\"arn\":\"{Samples.ComponentVersionArn}/1\",\"name\":\"install-agent\"}},{{\"arn\":\"{Samples.ComponentVersionArn}/2\",\"name\":\"install-agent\"}}]}}";
        _f.Server.Enqueue(CannedResponse.Json(builds));
        var whatIf = _f.Run("Get-IbComponent -EndpointUrl $Endpoint -Arn x -ErrorAction SilentlyContinue; [pscustomobject]@{ Arn = $Arn } | Remove-IbComponent -EndpointUrl $Endpoint -WhatIf",
            Vars(("Arn", Samples.ComponentVersionArn)));
        Assert.Equal(new[] { "POST /ListComponentBuildVersions" }, _f.Server.Requests.Select(r => r.Method + " " + r.RawUrl));
        Assert.Equal(Samples.ComponentVersionArn, _f.Server.Requests.Single().Json.GetProperty("componentVersionArn").GetString());
        Assert.Contains($"What if: Performing the operation \"Delete component build version\" on target \"{Samples.ComponentVersionArn}/1\".", whatIf.HostText);
        Assert.Contains($"What if: Performing the operation \"Delete component build version\" on target \"{Samples.ComponentVersionArn}/2\".", whatIf.HostText);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(builds));
        var result = _f.Run("Remove-IbComponent -EndpointUrl $Endpoint -Arn $Arn -Confirm:$false", Vars(("Arn", Samples.ComponentVersionArn)));
        result.AssertSuccess();
        Assert.Equal(new[] { "POST", "DELETE", "DELETE" }, _f.Server.Requests.Select(r => r.Method));
    }

    [Fact]
    public void OneFailingDeleteDoesNotStopTheOthers()
    {
        _f.Server.Enqueue(CannedResponse.Error(400, "ResourceDependencyException", "A recipe uses this component."),
            CannedResponse.Json("{\"requestId\":\"r\"}"));
        var result = _f.Run("$First, $Second | ForEach-Object { [pscustomobject]@{ Arn = $_ } } | Remove-IbComponent -EndpointUrl $Endpoint -Force",
            Vars(("First", Samples.ComponentVersionArn + "/1"), ("Second", Samples.ComponentVersionArn + "/2")));
        Assert.Null(result.Terminating);
        Assert.Equal(2, _f.Server.Requests.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ResourceDependencyException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Equal(Samples.ComponentVersionArn + "/1", error.TargetObject);
    }

    [Fact]
    public void RemoveRefusesWhatIsNotAComponentArn()
    {
        var result = _f.Run("Remove-IbComponent -EndpointUrl $Endpoint -Arn $Arn -Force", Vars(("Arn", Samples.ImageBuildArn)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("is not a component ARN", error.Exception.Message);
    }
}
