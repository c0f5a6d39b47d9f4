using System.Management.Automation;
using ImageBuilder.PS.Emulator;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Waiting;

/// <summary>-Wait on the cmdlets that start long work, against the emulator on a fast clock.</summary>
public sealed class WaitTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public WaitTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
        // One emulator stage (2 s) passes in 100 ms of real time: a build takes under a second, and polls every
        // 20 ms see its stages go by.
        _f.Emulator.SetClock(ClockMode.Scaled, 20);
        var setup = _f.Run("""
            $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
            $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc
            $infra = New-IbInfrastructureConfiguration -Name build-infra -InstanceProfileName ImageBuilderInstanceRole
            $recipe = New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component
            $recipe | New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra.Arn | Out-Null
            """, new Dictionary<string, object?> { ["Doc"] = Samples.Document });
        setup.AssertSuccess();
    }

    [Fact]
    public void StartPipelineWaitWritesTheFinishedImageWithProgress()
    {
        var result = _f.Run("Get-IbPipeline -Name nightly | Start-IbPipeline -Wait -PollInterval 0.02");
        result.AssertSuccess();
        Assert.Equal("AVAILABLE", ((dynamic)result.Output.Single()).State.Status);
        Assert.True(result.Progress.Select(p => p.StatusDescription).Distinct().Count() >= 3, "the bar should show the stages go by");
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        Assert.StartsWith("Image golden-windows 1.0.0/", result.Progress[^1].Activity);
    }

    [Fact]
    public void BeforeWaitingItNamesTheBuildAndHowToWaitAgainOnTheHostAndTheInformationStream()
    {
        var result = _f.Run("Get-IbPipeline -Name nightly | Start-IbPipeline -Wait -PollInterval 0.02 -InformationVariable info");
        result.AssertSuccess();
        var arn = (string)((dynamic)result.Output.Single()).Arn;

        var expected = $"Waiting for the build {arn}. Ctrl+C stops the waiting, not the work; to wait again: Wait-IbImage -Arn {arn}";
        Assert.Contains(expected, result.HostText);
        var info = _f.Run("$info").Output.Select(o => o.BaseObject).OfType<InformationRecord>().Single();
        Assert.Contains("ImageBuilder.PS.Wait", info.Tags);
        Assert.Equal(expected, info.MessageData.ToString());
    }

    [Fact]
    public void WithoutWaitNothingIsAnnounced()
    {
        var result = _f.Run("Get-IbPipeline -Name nightly | Start-IbPipeline");
        result.AssertSuccess();
        Assert.DoesNotContain("Waiting for", result.HostText);
    }

    [Fact]
    public void AFailedBuildEndsTheWaitWithTheReason()
    {
        _f.Emulator.ArrangeFailure(new ArrangedFailure { Target = FailureTarget.ImageBuild, Stage = "TESTING", Reason = "the validation tests failed" });
        var result = _f.Run("New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn -Wait -PollInterval 0.02");
        Assert.Empty(result.Output);
        var error = result.Errors.Single();
        Assert.Equal("WaitEndedInFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("the validation tests failed", error.ErrorDetails.Message);
    }

    [Fact]
    public void TheTimeoutEndsOnlyTheWait()
    {
        _f.Emulator.SetClock(ClockMode.Stepped);
        var result = _f.Run("Start-IbPipeline -Arn (Get-IbPipeline -Name nightly).Arn -Wait -Timeout 0.2 -PollInterval 0.02");
        Assert.Equal("WaitTimedOut", result.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        var images = _f.Run("Get-IbPipeline -Name nightly | Get-IbPipelineImage");
        Assert.Single(images.Output);
    }

    [Fact]
    public void ImportsToWorkSpacesAndAppStreamAreWaitedFor()
    {
        var built = _f.Run("Get-IbPipeline -Name nightly | Start-IbPipeline -Wait -PollInterval 0.02");
        built.AssertSuccess();
        // WorkSpaces takes Windows 10 and 11 desktops, which come from one's own licensed image, not Amazon's.
        var workspaces = _f.Run("""
            Import-IbVmImage -Name win11-byol -SemanticVersion 1.0.0 -Platform Windows -OsVersion 'Microsoft Windows 11 Enterprise' -VmImportTaskId import-ami-0123456789abcdef0 -Wait -PollInterval 0.02 |
                Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -ImageName win11 -ImageDescription golden -Wait -PollInterval 0.02
            """);
        workspaces.AssertSuccess();
        Assert.Equal("AVAILABLE", (string)((dynamic)workspaces.Output.Single()).State);
        Assert.StartsWith("WorkSpaces image ", workspaces.Progress[^1].Activity);

        var appstream = _f.Run("$Image | Import-IbAppStreamImage -Name golden-as -IamRoleArn arn:aws:iam::123456789012:role/AppStreamImport -Wait -PollInterval 0.02",
            new Dictionary<string, object?> { ["Image"] = built.Output.Single() });
        appstream.AssertSuccess();
        Assert.Equal("AVAILABLE", (string)((dynamic)appstream.Output.Single()).State);
        Assert.Equal("PENDING", appstream.Progress[0].StatusDescription);

        _f.Emulator.ArrangeFailure(new ArrangedFailure { Target = FailureTarget.AppStreamImport, Stage = "VALIDATING", Reason = "the agent is missing" });
        var failed = _f.Run("$Image | Import-IbAppStreamImage -Name golden-as2 -IamRoleArn arn:aws:iam::123456789012:role/AppStreamImport -Wait -PollInterval 0.02",
            new Dictionary<string, object?> { ["Image"] = built.Output.Single() });
        Assert.Contains("the agent is missing", failed.Errors.Single().ErrorDetails.Message);
    }

    [Fact]
    public void AStateChangeIsWaitedForAndChangesTheImage()
    {
        var built = _f.Run("(Get-IbPipeline -Name nightly | Start-IbPipeline -Wait -PollInterval 0.02).Arn");
        built.AssertSuccess();
        var arn = built.Output.Single().ToString();
        var result = _f.Run("Set-IbResourceState -ResourceArn $Arn -State DEPRECATED -Force -Wait -PollInterval 0.02", new Dictionary<string, object?> { ["Arn"] = arn });
        result.AssertSuccess();
        Assert.Equal("SUCCESS", (string)((dynamic)result.Output.Single()).State.Status);
        Assert.Equal("DEPRECATED", _f.Run("(Get-IbImage -Arn $Arn).State.Status", new Dictionary<string, object?> { ["Arn"] = arn }).Output.Single().ToString());
    }

    [Fact]
    public void ARunbookWaitsForTheApprovalStepApprovesAndWaitsForTheImage()
    {
        var result = _f.Run("""
            $workflow = New-IbWorkflow -Name approve-build -SemanticVersion 1.0.0 -Type BUILD -Document ([ordered]@{
                schemaVersion = 1.0
                steps = @(
                    [ordered]@{ name = 'LaunchBuildInstance'; action = 'LaunchInstance'; onFailure = 'Abort' }
                    [ordered]@{ name = 'Approval'; action = 'WaitForAction' }
                    [ordered]@{ name = 'CreateOutputAMI'; action = 'CreateImage'; inputs = @{ 'instanceId.$' = '$.stepOutputs.LaunchBuildInstance.instanceId' } }
                )
            })
            $image = New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn -Workflow @{ WorkflowArn = $workflow.Arn }
            $step = $image | Wait-IbImage -UntilWaitingStep -PollInterval 0.02
            $step | Send-IbStepAction -Action RESUME -Reason 'approved by the runbook'
            $done = $image | Wait-IbImage -PollInterval 0.02
            [pscustomobject]@{ Step = $step.Name; Status = $done.State.Status }
            """);
        result.AssertSuccess();
        Assert.Empty(result.Warnings);
        dynamic outcome = result.Output.Single();
        Assert.Equal("Approval", (string)outcome.Step);
        Assert.Equal("AVAILABLE", (string)outcome.Status);
    }

    [Fact]
    public void UntilWaitingStepWarnsWhenTheBuildNeverWaits()
    {
        var result = _f.Run("Get-IbPipeline -Name nightly | Start-IbPipeline | Wait-IbImage -UntilWaitingStep -PollInterval 0.02");
        Assert.Empty(result.Output);
        Assert.Contains("ended AVAILABLE without a step waiting for anyone", result.Warnings.Single().Message);
    }
}
