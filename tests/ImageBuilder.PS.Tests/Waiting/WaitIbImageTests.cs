using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Waiting;

/// <summary>Wait-IbImage against a listener that plays a build through its stages.</summary>
public sealed class WaitIbImageTests : IClassFixture<LoopbackFixture>
{
    private const string Arn = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/3";
    private readonly LoopbackFixture _f;

    public WaitIbImageTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private static string Image(string status, string? reason = null)
    {
        var state = reason is null ? $"{{\"status\":\"{status}\"}}" : $"{{\"status\":\"{status}\",\"reason\":\"{reason}\"}}";
        return $"{{\"requestId\":\"r\",\"image\":{{\"arn\":\"{Arn}\",\"name\":\"golden-windows\",\"version\":\"1.0.0\",\"platform\":\"Windows\",\"state\":{state}}}}}";
    }

    private const string Executions = """{"requestId":"r","imageBuildVersionArn":"x","workflowExecutions":[{"workflowExecutionId":"wf-exec-1","type":"BUILD","status":"RUNNING","totalStepCount":3}]}""";

    private static string Steps(string runningAction, string runningName, int completed) =>
        "{\"requestId\":\"r\",\"workflowExecutionId\":\"wf-exec-1\",\"steps\":[" +
        string.Join(",", Enumerable.Range(0, completed).Select(i => $"{{\"stepExecutionId\":\"step-{i}\",\"name\":\"Done{i}\",\"action\":\"ExecuteComponents\",\"status\":\"COMPLETED\"}}")) +
        (completed > 0 ? "," : "") +
        $"{{\"stepExecutionId\":\"step-wait\",\"name\":\"{runningName}\",\"action\":\"{runningAction}\",\"status\":\"RUNNING\"}}]}}";

    /// <summary>Answers GetImage with the statuses in turn (the last one from then on) and the workflow calls with one running step.</summary>
    private void PlayBuild(string stepAction, string stepName, params string[] images)
    {
        int next = 0;
        _f.Server.Default = request => request.Path switch
        {
            "/GetImage" => CannedResponse.Json(images[Math.Min(Interlocked.Increment(ref next) - 1, images.Length - 1)]),
            "/ListWorkflowExecutions" => CannedResponse.Json(Executions),
            "/ListWorkflowStepExecutions" => CannedResponse.Json(Steps(stepAction, stepName, 1)),
            _ => CannedResponse.Error(400, "InvalidRequestException", "unexpected " + request.Path),
        };
    }

    private RunResult Wait(string extra = "") =>
        _f.Run($"Wait-IbImage -EndpointUrl $Endpoint -Arn '{Arn}' -PollInterval 0.02 {extra}");

    [Fact]
    public void WaitsThroughTheStagesAndWritesTheImage()
    {
        PlayBuild("ExecuteComponents", "ApplyBuildComponents", Image("PENDING"), Image("BUILDING"), Image("TESTING"), Image("DISTRIBUTING"), Image("AVAILABLE"));
        var result = Wait();
        result.AssertSuccess();
        Assert.Equal("AVAILABLE", ((dynamic)result.Output.Single()).State.Status);
        var progress = result.Progress.ToList();
        Assert.Equal(new[] { "PENDING", "BUILDING", "TESTING", "DISTRIBUTING", "AVAILABLE", "AVAILABLE" }, progress.Select(p => p.StatusDescription.Split(':')[0]));
        Assert.All(progress, p => Assert.Equal("Image golden-windows 1.0.0/3", p.Activity));
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
        Assert.True(progress.Take(progress.Count - 1).All(p => p.RecordType == ProgressRecordType.Processing));
        var percents = progress.Select(p => p.PercentComplete).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(100, percents[^1]);
        Assert.Equal("build workflow, step 2 of 3: ApplyBuildComponents (ExecuteComponents)", progress[1].CurrentOperation);
        // PowerShell 7's Minimal view shows the activity and the status only: the step is in the status too.
        Assert.Equal("BUILDING: build workflow, step 2 of 3: ApplyBuildComponents (ExecuteComponents)", progress[1].StatusDescription);
        Assert.Equal(5, GetImageCount());
    }

    [Fact]
    public void AFailedBuildIsAnErrorWithTheServicesReason()
    {
        PlayBuild("ExecuteComponents", "ApplyBuildComponents", Image("BUILDING"), Image("FAILED", "Component install-agent failed: exit code 1"));
        var result = Wait();
        Assert.Empty(result.Output);
        var error = result.Errors.Single();
        Assert.Equal("WaitEndedInFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.StartsWith("Image golden-windows 1.0.0/3 ended FAILED: Component install-agent failed: exit code 1", error.ErrorDetails.Message);
        Assert.Contains($"(build {Arn})", error.ErrorDetails.Message);
        // The failure points at the whole log (the scripted service has none, so no lines are quoted).
        Assert.EndsWith("The whole log: Get-IbImageLog -Arn arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/3", error.ErrorDetails.Message);
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public void ACancelledBuildIsAnError()
    {
        PlayBuild("ExecuteComponents", "ApplyBuildComponents", Image("CANCELLED"));
        var result = Wait();
        Assert.Equal("WaitEndedInCancelled", result.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void AWaitOnAVersionSaysWhichBuildEnded()
    {
        PlayBuild("ExecuteComponents", "ApplyBuildComponents", Image("CANCELLED"));
        var result = _f.Run("Wait-IbImage -EndpointUrl $Endpoint -Arn 'arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0' -PollInterval 0.02");
        var error = result.Errors.Single();
        Assert.StartsWith("Image golden-windows 1.0.0 ended CANCELLED", error.ErrorDetails.Message);
        Assert.EndsWith($"(build {Arn})", error.ErrorDetails.Message);
    }

    [Fact]
    public void TimeoutEndsTheWaitButNotTheBuild()
    {
        PlayBuild("ExecuteComponents", "ApplyBuildComponents", Image("BUILDING"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Wait("-Timeout 0.3");
        clock.Stop();
        var error = result.Errors.Single();
        Assert.Equal("WaitTimedOut", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("was still BUILDING after 0.3 s", error.ErrorDetails.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.25, 5);
        Assert.DoesNotContain(_f.Server.Requests, r => r.Path == "/CancelImageCreation");
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public void CtrlCStopsWaitingAtOnceAndLeavesTheBuildRunning()
    {
        PlayBuild("ExecuteComponents", "ApplyBuildComponents", Image("BUILDING"));
        var (result, latency) = _f.Session.RunAndStop($"Wait-IbImage -EndpointUrl $Endpoint -Arn '{Arn}' -PollInterval 30",
            () => GetImageCount() >= 1, new Dictionary<string, object?> { ["Endpoint"] = _f.Server.Url });
        Assert.True(latency < TimeSpan.FromSeconds(2), $"stopping took {latency}");
        Assert.IsAssignableFrom<PipelineStoppedException>(result.Terminating);
        Assert.DoesNotContain(_f.Server.Requests, r => r.Path == "/CancelImageCreation");
    }

    [Fact]
    public void AStepWaitingForActionSaysOnceWhatToRun()
    {
        PlayBuild("WaitForAction", "Approval", Image("BUILDING"), Image("BUILDING"), Image("BUILDING"), Image("AVAILABLE"));
        var result = Wait();
        result.AssertSuccess();
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("waiting at step 'Approval'", warning.Message);
        Assert.Contains($"Send-IbStepAction -StepExecutionId step-wait -ImageArn {Arn} -Action RESUME", warning.Message);
    }

    [Fact]
    public void ImagesFromThePipelineAreWaitedForInTurn()
    {
        PlayBuild("ExecuteComponents", "ApplyBuildComponents", Image("AVAILABLE"));
        var result = _f.Run($"[pscustomobject]@{{ Arn = '{Arn}' }}, [pscustomobject]@{{ ImageBuildVersionArn = '{Arn}' }} | Wait-IbImage -EndpointUrl $Endpoint -PollInterval 0.02");
        result.AssertSuccess();
        Assert.Equal(2, result.Output.Count);
    }

    /// <summary>Answers GetImage from <paramref name="answer"/> (given the 1-based number of the call), workflows with <see cref="Executions"/>.</summary>
    private void PlayCalls(Func<int, CannedResponse> answer, string executions = Executions)
    {
        int next = 0;
        _f.Server.Default = request => request.Path switch
        {
            "/GetImage" => answer(Interlocked.Increment(ref next)),
            "/ListWorkflowExecutions" => CannedResponse.Json(executions),
            "/ListWorkflowStepExecutions" => CannedResponse.Json(Steps("ExecuteComponents", "ApplyBuildComponents", 1)),
            _ => CannedResponse.Error(400, "InvalidRequestException", "unexpected " + request.Path),
        };
    }

    [Fact]
    public void ALookThatFailsForAMomentIsTriedAgainWithAWarning()
    {
        // The client's own retries spend a few calls; the wait's next look gets through.
        PlayCalls(n => n == 1 ? CannedResponse.Json(Image("BUILDING"))
            : n <= 5 ? CannedResponse.Error(503, "ServiceUnavailableException", "try later")
            : CannedResponse.Json(Image("AVAILABLE")));
        var result = Wait();
        result.AssertSuccess();
        Assert.Equal("AVAILABLE", ((dynamic)result.Output.Single()).State.Status);
        Assert.NotEmpty(result.Warnings);
        Assert.All(result.Warnings, w => Assert.Contains("Image golden-windows 1.0.0/3: could not look (GetImage: ServiceUnavailableException); trying again in", w.Message));
    }

    [Fact]
    public void LooksThatKeepFailingEndTheWaitWithTheServicesError()
    {
        PlayCalls(n => n == 1 ? CannedResponse.Json(Image("BUILDING")) : CannedResponse.Error(500, "ServiceException", "broken"));
        var result = Wait();
        Assert.Empty(result.Output);
        Assert.Equal(5, result.Warnings.Count);
        var error = result.Errors.Single();
        Assert.Equal("ServiceException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(Arn, error.TargetObject);
    }

    [Fact]
    public void AnImageThatIsGoneEndsTheWaitAtOnce()
    {
        PlayCalls(n => n == 1 ? CannedResponse.Json(Image("BUILDING")) : CannedResponse.Error(404, "ResourceNotFoundException", "no such image"));
        var result = Wait();
        Assert.Empty(result.Warnings);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors.Single().CategoryInfo.Category);
        Assert.Equal(2, GetImageCount());
    }

    [Fact]
    public void AfterTheWorkflowsTheBarNamesNoStepAndAFailureKeepsItWhereItStopped()
    {
        const string finished = """{"requestId":"r","imageBuildVersionArn":"x","workflowExecutions":[{"workflowExecutionId":"wf-exec-1","type":"TEST","status":"COMPLETED","totalStepCount":3}]}""";
        var statuses = new[] { "DISTRIBUTING", "INTEGRATING", "FAILED" };
        PlayCalls(n => CannedResponse.Json(Image(statuses[Math.Min(n, 3) - 1], n >= 3 ? "Distribution to eu-west-1 failed" : null)), finished);
        var result = Wait();
        var progress = result.Progress.ToList();
        Assert.Equal(new[] { "DISTRIBUTING", "INTEGRATING", "FAILED", "FAILED" }, progress.Select(p => p.StatusDescription));
        Assert.All(progress, p => Assert.Null(p.CurrentOperation));
        Assert.Equal(new[] { 80, 92, 92, 92 }, progress.Select(p => p.PercentComplete));
    }

    [Theory]
    [InlineData("-PollInterval 0", "-PollInterval must be longer than zero (it is 0 s).")]
    [InlineData("-PollInterval -5", "-PollInterval must be longer than zero (it is -5 s).")]
    [InlineData("-Timeout 0", "-Timeout must be longer than zero (it is 0 s).")]
    public void PollSettingsThatCannotWorkAreRefusedBeforeAnythingIsSent(string settings, string message)
    {
        foreach (var command in new[] { $"Wait-IbImage -Arn '{Arn}'", "Start-IbPipeline -Arn arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly -Wait" })
        {
            var result = _f.Run($"{command} -EndpointUrl $Endpoint {settings}");
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(message, error.Exception.Message);
            Assert.Empty(_f.Server.Requests);
        }
    }

    private int GetImageCount() => _f.Server.Requests.Count(r => r.Path == "/GetImage");
}
