using ImageBuilder.PS.Tests.Lifecycle;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Workflows;

/// <summary>Tab completion on the workflow, lifecycle, component-import and marketplace cmdlets: known values and live ones.</summary>
public sealed class WorkflowAndLifecycleCompletionTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public WorkflowAndLifecycleCompletionTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private List<string> Complete(string line)
    {
        var result = _f.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText",
            new Dictionary<string, object?> { ["Line"] = line });
        result.AssertSuccess();
        return result.Output.Select(o => o.ToString()).ToList();
    }

    [Fact]
    public void KnownValuesComeFromTheModel()
    {
        Assert.Equal(new[] { "BUILD", "TEST", "DISTRIBUTION" }, Complete("New-IbWorkflow -Type "));
        Assert.Equal(new[] { "RESUME" }, Complete("Send-IbStepAction -Action R"));
        Assert.Equal(new[] { "DISABLED" }, Complete("Update-IbLifecyclePolicy -Status D"));
        Assert.Equal(new[] { "CONTAINER_IMAGE" }, Complete("New-IbLifecyclePolicy -ResourceType C"));
        Assert.Equal(new[] { "DELETED", "DEPRECATED", "DISABLED" }, Complete("Set-IbResourceState -State D"));
        Assert.Equal(new[] { "Snapshots" }, Complete("Set-IbResourceState -IncludeResource S"));
        Assert.Equal(new[] { "COMPONENT_ARTIFACT" }, Complete("Get-IbMarketplaceResource -ResourceType COMPONENT_A"));
        Assert.Equal(new[] { "SHELL" }, Complete("Import-IbComponent -Format "));
    }

    [Fact]
    public void WaitingStepsWorkflowsAndPoliciesComeFromTheService()
    {
        _f.Server.Default = r => r.Path switch
        {
            "/ListWaitingWorkflowSteps" => CannedResponse.Json(WorkflowSamples.WaitingSteps((WorkflowSamples.StepId, WorkflowSamples.ImageBuildArn))),
            "/ListWorkflows" => CannedResponse.Json(WorkflowSamples.WorkflowVersions(("approve-build", "BUILD"), ("smoke-test", "TEST"))),
            _ => CannedResponse.Json(LifecycleSamples.Summaries("keep-six-months", "keep-ten")),
        };
        Assert.Equal(new[] { WorkflowSamples.StepId }, Complete($"Send-IbStepAction -EndpointUrl {_f.Server.Url} -StepExecutionId step-"));
        Assert.Equal(new[] { "smoke-test" }, Complete($"Get-IbWorkflow -EndpointUrl {_f.Server.Url} -Name sm"));
        Assert.Equal(new[] { "arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/approve-build/1.0.0" },
            Complete($"Remove-IbWorkflow -EndpointUrl {_f.Server.Url} -Arn arn:aws:imagebuilder:us-east-1:123456789012:workflow/b"));
        Assert.Equal(new[] { "keep-ten" }, Complete($"Get-IbLifecyclePolicy -EndpointUrl {_f.Server.Url} -Name keep-t"));
        Assert.Equal(new[] { LifecycleSamples.PolicyArn }, Complete($"Update-IbLifecyclePolicy -EndpointUrl {_f.Server.Url} -Arn {LifecycleSamples.PolicyArn[..^3]}"));
    }
}
