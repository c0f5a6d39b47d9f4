using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Workflows;

/// <summary>Get-, New- and Remove-IbWorkflow and Get-IbWorkflowBuildVersion: requests on the wire, objects, views, -WhatIf, bad input.</summary>
public sealed class WorkflowTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public WorkflowTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public void ListSendsTheNameAndMatchesTheTypeAsPagesArrive()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WorkflowVersions(("approve-build", "BUILD"), ("approve-build", "TEST"))));
        var result = _f.Run("Get-IbWorkflow -EndpointUrl $Endpoint -Owner Self -Name approve-build -Type BUILD -MaxResults 5");
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /ListWorkflows", request.Method + " " + request.RawUrl);
        Assert.Equal("Self", request.Json.GetProperty("owner").GetString());
        Assert.Equal(5, request.Json.GetProperty("maxResults").GetInt32());
        var filter = Assert.Single(request.Json.GetProperty("filters").EnumerateArray().ToList());
        Assert.Equal("name", filter.GetProperty("name").GetString());
        Assert.Equal("approve-build", filter.GetProperty("values")[0].GetString());
        var workflow = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.WorkflowVersion", workflow.TypeNames[0]);
        Assert.Equal("BUILD", workflow.Properties["Type"].Value);

        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WorkflowVersions(("approve-build", "BUILD"))));
        var table = _f.Render("Get-IbWorkflow -EndpointUrl $Endpoint");
        Assert.Matches(@"Type\s+Name\s+Version\s+Owner\s+Created", table);
        Assert.Matches(@"BUILD\s+approve-build\s+1\.0\.0\s+123456789012\s+2026-02-03 04:05", table);
    }

    [Fact]
    public void WildcardNamesAreMatchedLocallyAndNotSent()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WorkflowVersions(("approve-build", "BUILD"), ("smoke-test", "TEST"))));
        var result = _f.Run("Get-IbWorkflow -EndpointUrl $Endpoint -Name 'approve-*'");
        result.AssertSuccess();
        Assert.False(_f.Server.SingleRequest().Json.TryGetProperty("filters", out _));
        Assert.Equal(new[] { "approve-build" }, result.Output.Select(o => (string)o.Properties["Name"].Value));
    }

    [Fact]
    public void GetByArnWritesTheWorkflowThatRendersReadably()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Workflow));
        var result = _f.Run("Get-IbWorkflow -EndpointUrl $Endpoint -Arn $Arn", Vars(("Arn", WorkflowSamples.WorkflowBuildArn)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("GET /GetWorkflow?workflowBuildVersionArn=" + Uri.EscapeDataString(WorkflowSamples.WorkflowBuildArn), request.Method + " " + request.RawUrl);
        var workflow = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.Workflow", workflow.TypeNames[0]);
        Assert.StartsWith("name: approve-build", (string)workflow.Properties["Data"].Value);

        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Workflow));
        var table = _f.Render("Get-IbWorkflow -EndpointUrl $Endpoint -Arn " + WorkflowSamples.WorkflowBuildArn);
        Assert.Matches(@"BUILD\s+approve-build\s+1\.0\.0/1\s+DEPRECATED\s+2026-02-03 04:05", table);

        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Workflow));
        var detail = _f.Render("Get-IbWorkflow -EndpointUrl $Endpoint -Arn " + WorkflowSamples.WorkflowBuildArn + " | Format-List");
        Assert.Matches(@"State\s+: DEPRECATED \(superseded\)", detail);
        Assert.Matches(@"Parameters\s+: approver \(string\)", detail);
        Assert.Matches(@"Document\s+: 5 lines \(see \.Data\)", detail);
        Assert.Matches(@"Tags\s+: Team=Platform", detail);
    }

    [Fact]
    public void BuildVersionsOfABuildAskForItsVersion()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WorkflowBuilds(1, 2)));
        var result = _f.Run("[pscustomobject]@{ WorkflowBuildVersionArn = $Arn } | Get-IbWorkflowBuildVersion -EndpointUrl $Endpoint", Vars(("Arn", WorkflowSamples.WorkflowBuildArn)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /ListWorkflowBuildVersions", request.Method + " " + request.RawUrl);
        Assert.Equal(WorkflowSamples.WorkflowVersionArn, request.Json.GetProperty("workflowVersionArn").GetString());
        Assert.Equal(new[] { WorkflowSamples.WorkflowVersionArn + "/1", WorkflowSamples.WorkflowVersionArn + "/2" }, result.Output.Select(o => (string)o.Properties["Arn"].Value));
        Assert.Equal("ImageBuilder.PS.Model.Ib.WorkflowSummary", result.Output[0].TypeNames[0]);

        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WorkflowBuilds(2)));
        var table = _f.Render("Get-IbWorkflowBuildVersion -EndpointUrl $Endpoint " + WorkflowSamples.WorkflowVersionArn);
        Assert.Matches(@"Type\s+Name\s+Version\s+State\s+Created", table);
        Assert.Matches(@"BUILD\s+approve-build\s+1\.0\.0/2\s+ACTIVE\s+2026-02-03 04:05", table);
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WorkflowBuilds(2)));
        Assert.Matches(@"Arn\s+: " + System.Text.RegularExpressions.Regex.Escape(WorkflowSamples.WorkflowVersionArn + "/2"),
            _f.Render("Get-IbWorkflowBuildVersion -EndpointUrl $Endpoint " + WorkflowSamples.WorkflowVersionArn + " | Format-List"));
    }

    [Fact]
    public void BuildVersionsRefuseWhatIsNotAWorkflowVersion()
    {
        var result = _f.Run("Get-IbWorkflowBuildVersion -EndpointUrl $Endpoint -Arn $Arn", Vars(("Arn", WorkflowSamples.ImageVersionArn)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("of -Arn is not valid: it must be a workflow", error.Exception.Message);
    }

    [Fact]
    public void NewWorkflowSendsTheDocumentAndWritesTheCreatedWorkflow()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Created), CannedResponse.Json(WorkflowSamples.Workflow));
        var result = _f.Run("New-IbWorkflow -EndpointUrl $Endpoint approve-build 1.0.0 -Type BUILD -Data $Doc -Description 'Waits for approval' -Tag @{ Team = 'Platform' }",
            Vars(("Doc", WorkflowSamples.Document)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "PUT /CreateWorkflow", "GET /GetWorkflow?workflowBuildVersionArn=" + Uri.EscapeDataString(WorkflowSamples.WorkflowBuildArn) },
            requests.Select(r => r.Method + " " + r.RawUrl));
        var body = requests[0].Json;
        Assert.Equal("approve-build", body.GetProperty("name").GetString());
        Assert.Equal("1.0.0", body.GetProperty("semanticVersion").GetString());
        Assert.Equal("BUILD", body.GetProperty("type").GetString());
        Assert.Equal(WorkflowSamples.Document, body.GetProperty("data").GetString());
        Assert.Equal("Waits for approval", body.GetProperty("description").GetString());
        Assert.Equal("Platform", body.GetProperty("tags").GetProperty("Team").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.False(body.TryGetProperty("uri", out _));
        Assert.False(body.TryGetProperty("dryRun", out _));
        Assert.Equal("ImageBuilder.PS.Model.Ib.Workflow", result.Output.Single().TypeNames[0]);
    }

    [Fact]
    public void NewWorkflowReadsAFileOrTakesAnS3Uri()
    {
        var file = Path.Combine(TestEnvironment.Home, "approve-build.yaml");
        File.WriteAllText(file, WorkflowSamples.Document);
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Created), CannedResponse.Json(WorkflowSamples.Workflow));
        _f.Run("New-IbWorkflow -EndpointUrl $Endpoint approve-build 1.0.0 -Type BUILD -Path $File -ClientToken rerun-1", Vars(("File", file))).AssertSuccess();
        var body = _f.Server.Requests.First().Json;
        Assert.Equal(WorkflowSamples.Document, body.GetProperty("data").GetString());
        Assert.Equal("rerun-1", body.GetProperty("clientToken").GetString());

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Created), CannedResponse.Json(WorkflowSamples.Workflow));
        _f.Run("New-IbWorkflow -EndpointUrl $Endpoint approve-build 1.0.0 -Type BUILD -Uri s3://bucket/approve-build.yaml -DryRun").AssertSuccess();
        body = _f.Server.Requests.First().Json;
        Assert.Equal("s3://bucket/approve-build.yaml", body.GetProperty("uri").GetString());
        Assert.True(body.GetProperty("dryRun").GetBoolean());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public void NewWorkflowWhatIfSendsNothing()
    {
        var result = _f.Run("New-IbWorkflow -EndpointUrl $Endpoint approve-build 1.0.0 -Type BUILD -Data $Doc -WhatIf", Vars(("Doc", WorkflowSamples.Document)));
        result.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Empty(result.Output);
        Assert.Contains("What if: Performing the operation \"Create workflow\" on target \"approve-build 1.0.0 (BUILD)\".", result.HostText);
    }

    [Theory]
    [InlineData("-Name 'approve/build' -SemanticVersion 1.0.0 -Data x -SkipValidation", "The value 'approve/build' of -Name is not valid: it must match the pattern")]
    [InlineData("-Name approve-build -SemanticVersion 1.0 -Data x -SkipValidation", "The value '1.0' of -SemanticVersion is not valid: it must be a version of three whole numbers joined by dots (major.minor.patch), such as 1.0.0")]
    [InlineData("-Name approve-build -SemanticVersion 1.0.0 -Path ./no-such-file.yaml", "The workflow document")]
    public void NewWorkflowRefusesBadInputAndSendsNothing(string arguments, string message)
    {
        var result = _f.Run("New-IbWorkflow -EndpointUrl $Endpoint -Type BUILD " + arguments);
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.ErrorDetails?.Message ?? error.Exception.Message);
    }

    [Fact]
    public void NewWorkflowTakesTheDocumentFromOnePlaceOnly()
    {
        var result = _f.Run("New-IbWorkflow -EndpointUrl $Endpoint approve-build 1.0.0 -Type BUILD -Data x -Uri s3://bucket/key");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Contains("Parameter set cannot be resolved", error.Exception.Message);
    }

    [Fact]
    public void RemoveGivenAVersionDeletesEachBuildAndWhatIfOnlyReads()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WorkflowVersions(("approve-build", "BUILD"))), CannedResponse.Json(WorkflowSamples.WorkflowBuilds(1, 2)));
        var whatIf = _f.Run("Get-IbWorkflow -EndpointUrl $Endpoint -Name approve-* | Remove-IbWorkflow -EndpointUrl $Endpoint -WhatIf");
        whatIf.AssertSuccess();
        Assert.Equal(new[] { "POST /ListWorkflows", "POST /ListWorkflowBuildVersions" }, _f.Server.Requests.Select(r => r.Method + " " + r.RawUrl));
        Assert.Contains($"What if: Performing the operation \"Delete workflow build version\" on target \"{WorkflowSamples.WorkflowVersionArn}/1\".", whatIf.HostText);
        Assert.Contains($"What if: Performing the operation \"Delete workflow build version\" on target \"{WorkflowSamples.WorkflowVersionArn}/2\".", whatIf.HostText);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WorkflowBuilds(1, 2)));
        _f.Server.Default = r => CannedResponse.Json($"{{\"workflowBuildVersionArn\":\"{Uri.UnescapeDataString(r.Query.Split('=')[1])}\"}}");
        var result = _f.Run("Remove-IbWorkflow -EndpointUrl $Endpoint -Arn $Arn -Confirm:$false -PassThru", Vars(("Arn", WorkflowSamples.WorkflowVersionArn)));
        result.AssertSuccess();
        Assert.Equal(new[] { "POST", "DELETE", "DELETE" }, _f.Server.Requests.Select(r => r.Method));
        Assert.Equal("/DeleteWorkflow?workflowBuildVersionArn=" + Uri.EscapeDataString(WorkflowSamples.WorkflowVersionArn + "/2"), _f.Server.Requests.Last().RawUrl);
        Assert.Equal(new[] { WorkflowSamples.WorkflowVersionArn + "/1", WorkflowSamples.WorkflowVersionArn + "/2" }, result.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void RemoveAsksFirstAndForceSkipsTheQuestion()
    {
        _f.Session.Host.Captured.ChoiceAnswer = 2; // [N] No
        _f.Run("Remove-IbWorkflow -EndpointUrl $Endpoint $Arn", Vars(("Arn", WorkflowSamples.WorkflowBuildArn))).AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains(_f.Session.Host.Captured.Prompts, p => p.Contains(WorkflowSamples.WorkflowBuildArn));

        _f.Session.Host.Captured.ChoiceAnswer = -1;
        _f.Server.Enqueue(CannedResponse.Json($"{{\"workflowBuildVersionArn\":\"{WorkflowSamples.WorkflowBuildArn}\"}}"));
        var result = _f.Run("Remove-IbWorkflow -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", WorkflowSamples.WorkflowBuildArn)));
        result.AssertSuccess();
        Assert.Equal("DELETE", _f.Server.SingleRequest().Method);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void RemoveRefusesWhatIsNotAWorkflowArn()
    {
        var result = _f.Run("Remove-IbWorkflow -EndpointUrl $Endpoint -Arn $Arn -Force", Vars(("Arn", WorkflowSamples.ImageBuildArn)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("is not a workflow ARN", error.Exception.Message);
    }

    [Theory]
    [InlineData("Get-IbWorkflow -Arn arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0/1", "of -Arn is not valid: it must be a workflow")]
    [InlineData("Get-IbWorkflow -MaxResults 26", "of -MaxResults is not valid")]
    public void GetRefusesBadInputAndSendsNothing(string command, string message)
    {
        var result = _f.Run(command + " -EndpointUrl $Endpoint");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(message, error.Exception.Message);
    }
}
