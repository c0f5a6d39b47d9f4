using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Workflows;

/// <summary>
/// Workflow runs and their steps: Get-IbWorkflowExecution, Get-IbStepExecution, Get-IbWaitingStep and
/// Send-IbStepAction, including the approval pipeline a person types.
/// </summary>
public sealed class WorkflowExecutionTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public WorkflowExecutionTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public void RunsOfAnImageVersionAreListedForEachOfItsBuilds()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.ImageBuilds(2, 3)));
        _f.Server.Default = r => CannedResponse.Json(WorkflowSamples.Executions(r.Json.GetProperty("imageBuildVersionArn").GetString()!));
        var result = _f.Run("[pscustomobject]@{ Arn = $Arn } | Get-IbWorkflowExecution -EndpointUrl $Endpoint", Vars(("Arn", WorkflowSamples.ImageVersionArn)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "POST /ListImageBuildVersions", "POST /ListWorkflowExecutions", "POST /ListWorkflowExecutions" }, requests.Select(r => r.Method + " " + r.RawUrl));
        Assert.Equal(WorkflowSamples.ImageVersionArn + "/2", requests[1].Json.GetProperty("imageBuildVersionArn").GetString());
        Assert.Equal(WorkflowSamples.ImageVersionArn + "/3", requests[2].Json.GetProperty("imageBuildVersionArn").GetString());
        Assert.Equal(2, result.Output.Count);
        Assert.Equal("ImageBuilder.PS.Model.Ib.WorkflowExecutionMetadata", result.Output[0].TypeNames[0]);
        Assert.Equal(WorkflowSamples.ExecutionId, result.Output[0].Properties["WorkflowExecutionId"].Value);
        // Each listed run says which build it ran for, as a run got by id does.
        Assert.Equal(new[] { WorkflowSamples.ImageVersionArn + "/2", WorkflowSamples.ImageVersionArn + "/3" }, result.Output.Select(o => (string)o.Properties["ImageBuildVersionArn"].Value));

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Executions(WorkflowSamples.ImageBuildArn)));
        var table = _f.Render("Get-IbWorkflowExecution -EndpointUrl $Endpoint " + WorkflowSamples.ImageBuildArn);
        Assert.Matches(@"Started\s+Workflow\s+Status\s+Steps", table);
        Assert.Matches(@"2026-03-04 05:06\s+approve-build/1\.0\.0/1\s+RUNNING\s+2/4", table);
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Executions(WorkflowSamples.ImageBuildArn)));
        var detail = _f.Render("Get-IbWorkflowExecution -EndpointUrl $Endpoint " + WorkflowSamples.ImageBuildArn + " | Format-List");
        Assert.Matches(@"Steps\s+: 2 of 4 succeeded, 0 failed, 0 skipped", detail);
        Assert.Matches(@"Image\s+: " + System.Text.RegularExpressions.Regex.Escape(WorkflowSamples.ImageBuildArn), detail);

        // -First counts across the builds of a version, not within each build's listing.
        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.ImageBuilds(2, 3)));
        _f.Server.Default = r => CannedResponse.Json(WorkflowSamples.Executions(r.Json.GetProperty("imageBuildVersionArn").GetString()!));
        var first = _f.Run("Get-IbWorkflowExecution -EndpointUrl $Endpoint -ImageArn $Arn -First 1", Vars(("Arn", WorkflowSamples.ImageVersionArn)));
        first.AssertSuccess();
        Assert.Single(first.Output);
    }

    [Fact]
    public void OneRunIsGotByItsIdAndRendersReadably()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Execution));
        var result = _f.Run("Get-IbWorkflowExecution -EndpointUrl $Endpoint -WorkflowExecutionId $Id", Vars(("Id", WorkflowSamples.ExecutionId)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("GET /GetWorkflowExecution?workflowExecutionId=" + WorkflowSamples.ExecutionId, request.Method + " " + request.RawUrl);
        var run = Assert.Single(result.Output);
        // The same type the list writes, not the response wrapper, so that it formats and pipes the same way.
        Assert.Equal("ImageBuilder.PS.Model.Ib.WorkflowExecutionMetadata", run.TypeNames[0]);
        Assert.Null(run.Properties["RequestId"]);
        Assert.Equal(WorkflowSamples.ImageBuildArn, run.Properties["ImageBuildVersionArn"].Value);
        Assert.Equal(1, run.Properties["TotalStepsSkipped"].Value);

        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Execution));
        var table = _f.Render("Get-IbWorkflowExecution -EndpointUrl $Endpoint -WorkflowExecutionId " + WorkflowSamples.ExecutionId);
        Assert.Matches(@"approve-build/1\.0\.0/1\s+FAILED\s+2/4 \(1 failed\)", table);
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Execution));
        var detail = _f.Render("Get-IbWorkflowExecution -EndpointUrl $Endpoint -WorkflowExecutionId " + WorkflowSamples.ExecutionId + " | Format-List");
        Assert.Matches(@"Image\s+: " + System.Text.RegularExpressions.Regex.Escape(WorkflowSamples.ImageBuildArn), detail);
        Assert.Matches(@"Message\s+: Step Approve was stopped", detail);
        Assert.Matches(@"Ended\s+: 2026-03-04 06:07:08", detail);
    }

    [Theory]
    [InlineData("Get-IbWorkflowExecution -WorkflowExecutionId wf-1", "-WorkflowExecutionId")]
    [InlineData("Get-IbStepExecution -StepExecutionId step-1", "-StepExecutionId")]
    [InlineData("Get-IbStepExecution -WorkflowExecutionId nope", "-WorkflowExecutionId")]
    public void MalformedIdsAreRefusedBeforeAnythingIsSent(string command, string parameter)
    {
        var result = _f.Run(command + " -EndpointUrl $Endpoint");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains($"of {parameter} is not valid: it must match the pattern", error.Exception.Message);
    }

    [Fact]
    public void RunsGiveTheirStepsAndAStepGivesItsDetail()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Execution), CannedResponse.Json(WorkflowSamples.Steps));
        var steps = _f.Run("Get-IbWorkflowExecution -EndpointUrl $Endpoint -WorkflowExecutionId $Id | Get-IbStepExecution -EndpointUrl $Endpoint -MaxResults 10",
            Vars(("Id", WorkflowSamples.ExecutionId)));
        steps.AssertSuccess();
        var list = _f.Server.Requests.Last();
        Assert.Equal("POST /ListWorkflowStepExecutions", list.Method + " " + list.RawUrl);
        Assert.Equal(WorkflowSamples.ExecutionId, list.Json.GetProperty("workflowExecutionId").GetString());
        Assert.Equal(10, list.Json.GetProperty("maxResults").GetInt32());
        Assert.Equal(new[] { "LaunchBuildInstance", "Approve" }, steps.Output.Select(o => (string)o.Properties["Name"].Value));
        Assert.Equal("ImageBuilder.PS.Model.Ib.WorkflowStepMetadata", steps.Output[0].TypeNames[0]);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Steps), CannedResponse.Json(WorkflowSamples.Step));
        var step = _f.Run("Get-IbStepExecution -EndpointUrl $Endpoint $Id -First 1 -Skip 1 | Get-IbStepExecution -EndpointUrl $Endpoint", Vars(("Id", WorkflowSamples.ExecutionId)));
        step.AssertSuccess();
        Assert.Equal("GET /GetWorkflowStepExecution?stepExecutionId=" + WorkflowSamples.OtherStepId, _f.Server.Requests.Last().Method + " " + _f.Server.Requests.Last().RawUrl);
        var detail = Assert.Single(step.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.WorkflowStepMetadata", detail.TypeNames[0]);
        Assert.Null(detail.Properties["RequestId"]);
        Assert.Equal(3600, detail.Properties["TimeoutSeconds"].Value);
        Assert.Equal(WorkflowSamples.ImageBuildArn, detail.Properties["ImageBuildVersionArn"].Value);
        Assert.Equal("{\"reason\":\"approved\"}", detail.Properties["Outputs"].Value);

        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Steps));
        var table = _f.Render("Get-IbStepExecution -EndpointUrl $Endpoint " + WorkflowSamples.ExecutionId);
        Assert.Matches(@"Status\s+Name\s+Action\s+Started", table);
        Assert.Matches(@"RUNNING\s+Approve\s+WaitForAction\s+2026-03-04 05:10", table);
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Steps));
        Assert.Matches(@"Action\s+: LaunchInstance", _f.Render("Get-IbStepExecution -EndpointUrl $Endpoint " + WorkflowSamples.ExecutionId + " | Format-List"));
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Step));
        var full = _f.Render("Get-IbStepExecution -EndpointUrl $Endpoint -StepExecutionId " + WorkflowSamples.OtherStepId + " | Format-List");
        // The step's JSON outputs read as name = value; the property keeps the JSON text.
        Assert.Matches(@"Outputs\s+: reason = approved", full);
        Assert.Matches(@"OnFailure\s+: Abort", full);
        Assert.Matches(@"WorkflowExecutionId\s+: " + WorkflowSamples.ExecutionId, full);
        Assert.Matches(@"TimeoutSeconds\s+: 3600", full);
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.Step));
        Assert.Matches(@"COMPLETED\s+Approve\s+WaitForAction", _f.Render("Get-IbStepExecution -EndpointUrl $Endpoint -StepExecutionId " + WorkflowSamples.OtherStepId));
    }

    [Fact]
    public void StepsListedOrGotByIdPipeIntoSendStepAction()
    {
        _f.Server.Default = r => r.Path switch
        {
            "/ListWorkflowStepExecutions" => CannedResponse.Json(WorkflowSamples.Steps),
            "/GetWorkflowStepExecution" => CannedResponse.Json(WorkflowSamples.Step),
            "/SendWorkflowStepAction" => CannedResponse.Json($"{{\"stepExecutionId\":\"{r.Json.GetProperty("stepExecutionId").GetString()}\"}}"),
            _ => CannedResponse.Error(404, "ResourceNotFoundException", "no such path"),
        };
        var result = _f.Run("""
            Get-IbStepExecution -EndpointUrl $Endpoint -StepExecutionId $Step | Send-IbStepAction -EndpointUrl $Endpoint -Action RESUME
            Get-IbStepExecution -EndpointUrl $Endpoint -WorkflowExecutionId $Run | Where-Object Status -eq RUNNING | Send-IbStepAction -EndpointUrl $Endpoint -Action STOP -PassThru
            """, Vars(("Step", WorkflowSamples.OtherStepId), ("Run", WorkflowSamples.ExecutionId)));
        result.AssertSuccess();
        var sent = _f.Server.Requests.Where(r => r.Path == "/SendWorkflowStepAction").Select(r => r.Json).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, body => Assert.Equal(WorkflowSamples.ImageBuildArn, body.GetProperty("imageBuildVersionArn").GetString()));
        Assert.All(sent, body => Assert.Equal(WorkflowSamples.OtherStepId, body.GetProperty("stepExecutionId").GetString()));
        Assert.Equal(new[] { "RESUME", "STOP" }, sent.Select(b => b.GetProperty("action").GetString()));
        Assert.Equal("ImageBuilder.PS.Model.Ib.WorkflowStepMetadata", Assert.Single(result.Output).TypeNames[0]);
    }

    [Fact]
    public void WaitingStepsAreApprovedThroughThePipeline()
    {
        var otherImage = WorkflowSamples.ImageVersionArn + "/4";
        _f.Server.Default = r => r.Path switch
        {
            "/ListWaitingWorkflowSteps" => CannedResponse.Json(WorkflowSamples.WaitingSteps((WorkflowSamples.StepId, WorkflowSamples.ImageBuildArn), (WorkflowSamples.OtherStepId, otherImage))),
            "/SendWorkflowStepAction" => CannedResponse.Json($"{{\"stepExecutionId\":\"{r.Json.GetProperty("stepExecutionId").GetString()}\",\"imageBuildVersionArn\":\"{r.Json.GetProperty("imageBuildVersionArn").GetString()}\",\"clientToken\":\"{r.Json.GetProperty("clientToken").GetString()}\"}}"),
            _ => CannedResponse.Error(404, "ResourceNotFoundException", "no such path"),
        };
        var result = _f.Run("Get-IbWaitingStep -EndpointUrl $Endpoint | Send-IbStepAction -EndpointUrl $Endpoint -Action RESUME -Reason approved");
        result.AssertSuccess();
        Assert.Empty(result.Output);
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "POST /ListWaitingWorkflowSteps", "PUT /SendWorkflowStepAction", "PUT /SendWorkflowStepAction" }, requests.Select(r => r.Method + " " + r.RawUrl));
        var first = requests[1].Json;
        Assert.Equal(WorkflowSamples.StepId, first.GetProperty("stepExecutionId").GetString());
        Assert.Equal(WorkflowSamples.ImageBuildArn, first.GetProperty("imageBuildVersionArn").GetString());
        Assert.Equal("RESUME", first.GetProperty("action").GetString());
        Assert.Equal("approved", first.GetProperty("reason").GetString());
        Assert.Equal(otherImage, requests[2].Json.GetProperty("imageBuildVersionArn").GetString());
        Assert.NotEqual(first.GetProperty("clientToken").GetString(), requests[2].Json.GetProperty("clientToken").GetString());
    }

    [Fact]
    public void WaitingStepsRenderWithTheirImage()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WaitingSteps((WorkflowSamples.StepId, WorkflowSamples.ImageBuildArn))));
        var table = _f.Render("Get-IbWaitingStep -EndpointUrl $Endpoint");
        Assert.Matches(@"WaitingSince\s+Name\s+Image", table);
        Assert.Matches(@"2026-03-04 05:10\s+Approve\s+golden-windows/1\.0\.0/3", table);
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WaitingSteps((WorkflowSamples.StepId, WorkflowSamples.ImageBuildArn))));
        var detail = _f.Render("Get-IbWaitingStep -EndpointUrl $Endpoint | Format-List");
        Assert.Matches(@"WorkflowExecutionId\s+: " + WorkflowSamples.ExecutionId, detail);
        Assert.Matches(@"Image\s+: " + System.Text.RegularExpressions.Regex.Escape(WorkflowSamples.ImageBuildArn), detail);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WaitingSteps((WorkflowSamples.StepId, WorkflowSamples.ImageBuildArn))));
        var result = _f.Run("Get-IbWaitingStep -EndpointUrl $Endpoint -MaxResults 3");
        result.AssertSuccess();
        Assert.Equal("ImageBuilder.PS.Model.Ib.WorkflowStepExecution", result.Output.Single().TypeNames[0]);
        Assert.Equal(3, _f.Server.SingleRequest().Json.GetProperty("maxResults").GetInt32());
    }

    [Fact]
    public void SendStepActionWhatIfSendsNothingAndPassThruWritesTheStep()
    {
        var whatIf = _f.Run("Send-IbStepAction -EndpointUrl $Endpoint $Step -ImageArn $Image -Action STOP -WhatIf",
            Vars(("Step", WorkflowSamples.StepId), ("Image", WorkflowSamples.ImageBuildArn)));
        whatIf.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Send STOP\" on target \"{WorkflowSamples.StepId} of {WorkflowSamples.ImageBuildArn}\".", whatIf.HostText);

        _f.Server.Enqueue(CannedResponse.Json($"{{\"stepExecutionId\":\"{WorkflowSamples.OtherStepId}\",\"imageBuildVersionArn\":\"{WorkflowSamples.ImageBuildArn}\"}}"), CannedResponse.Json(WorkflowSamples.Step));
        var result = _f.Run("Send-IbStepAction -EndpointUrl $Endpoint $Step -ImageArn $Image -Action RESUME -ClientToken approve-1 -PassThru",
            Vars(("Step", WorkflowSamples.OtherStepId), ("Image", WorkflowSamples.ImageBuildArn)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal("approve-1", requests[0].Json.GetProperty("clientToken").GetString());
        Assert.False(requests[0].Json.TryGetProperty("reason", out _));
        Assert.Equal("GET /GetWorkflowStepExecution?stepExecutionId=" + WorkflowSamples.OtherStepId, requests[1].Method + " " + requests[1].RawUrl);
        Assert.Equal("COMPLETED", result.Output.Single().Properties["Status"].Value);
    }

    [Fact]
    public void SendStepActionRefusesAnImageVersionInsteadOfABuild()
    {
        var result = _f.Run("Send-IbStepAction -EndpointUrl $Endpoint $Step -ImageArn $Image -Action RESUME",
            Vars(("Step", WorkflowSamples.StepId), ("Image", WorkflowSamples.ImageVersionArn)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("of -ImageArn is not valid: it must be an image build ARN", error.Exception.Message);
    }

    [Fact]
    public void AServiceRefusalOfOneStepDoesNotStopTheOthers()
    {
        _f.Server.Enqueue(CannedResponse.Json(WorkflowSamples.WaitingSteps((WorkflowSamples.StepId, WorkflowSamples.ImageBuildArn), (WorkflowSamples.OtherStepId, WorkflowSamples.ImageBuildArn))),
            CannedResponse.Error(400, "InvalidRequestException", "The step is no longer waiting."),
            CannedResponse.Json($"{{\"stepExecutionId\":\"{WorkflowSamples.OtherStepId}\"}}"));
        var result = _f.Run("Get-IbWaitingStep -EndpointUrl $Endpoint | Send-IbStepAction -EndpointUrl $Endpoint -Action RESUME");
        Assert.Null(result.Terminating);
        Assert.Equal(3, _f.Server.Requests.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidRequestException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(WorkflowSamples.StepId, error.TargetObject);
    }

    [Fact]
    public void PageSizesOutsideTheServicesRangeAreRefused()
    {
        var result = _f.Run("Get-IbWaitingStep -EndpointUrl $Endpoint -MaxResults 0");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("The value '0' of -MaxResults is not valid", error.Exception.Message);
    }
}
