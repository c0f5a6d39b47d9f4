using ImageBuilder.PS.Documents;

namespace ImageBuilder.PS.UnitTests.Documents;

public sealed class WorkflowDocumentCheckerTests
{
    private const string Good = """
        name: build-with-approval
        description: Builds, then waits for a person to approve
        schemaVersion: 1.0
        parameters:
          - name: waitForApproval
            type: boolean
            default: true
        steps:
          - name: LaunchBuildInstance
            action: LaunchInstance
            onFailure: Abort
            inputs:
              waitFor: ssmAgent
          - name: ApplyBuildComponents
            action: ExecuteComponents
            onFailure: Abort
            inputs:
              instanceId.$: $.stepOutputs.LaunchBuildInstance.instanceId
          - name: Approval
            action: WaitForAction
            if:
              booleanEquals: true
              value: $.parameters.waitForApproval
          - name: CreateOutputAMI
            action: CreateImage
            timeoutSeconds: 3600
            inputs:
              instanceId.$: $.stepOutputs.LaunchBuildInstance.instanceId
          - name: TerminateBuildInstance
            action: TerminateInstance
            onFailure: Continue
            inputs:
              instanceId.$: $.stepOutputs.LaunchBuildInstance.instanceId
        outputs:
          - name: ImageId
            value: $.stepOutputs.CreateOutputAMI.imageId
        """;

    [Fact]
    public void AGoodDocumentHasNoFindings() => Assert.Empty(WorkflowDocumentChecker.Check(Good));

    [Fact]
    public void BadStepsReferencesAndParametersArePlaced()
    {
        var findings = WorkflowDocumentChecker.Check("""
            schemaVersion: 1.0
            parameters:
              - name: size
                type: number
              - name: count
                type: integer
                default: lots
            steps:
              - name: Use
                action: ExecuteComponents
                onFailure: Ignore
                inputs:
                  instanceId.$: $.stepOutputs.Launch.instanceId
              - name: Launch
                action: LaunchInstance
              - name: Wait
                action: WaitForActions
                if:
                  booleanEquals: true
                  value: $.parameters.approve
              - name: Terminate
                action: TerminateInstance
                inputs:
                  instanceId.$: i-0123
            outputs:
              - name: Missing
            """).Select(f => $"{f.Line}:{f.Column} {f.Rule}").ToList();
        Assert.True(findings.Contains("4:11 ParameterTypeInvalid"), string.Join(" | ", findings));
        Assert.True(findings.Contains("7:14 ParameterDefaultInvalid"), string.Join(" | ", findings));
        Assert.True(findings.Contains("11:16 OnFailureInvalid"), string.Join(" | ", findings));
        Assert.True(findings.Contains("13:21 StepOutputUnknown"), string.Join(" | ", findings));
        Assert.True(findings.Contains("17:13 UnknownAction"), string.Join(" | ", findings));
        Assert.True(findings.Contains("20:14 ParameterUnknown"), string.Join(" | ", findings));
        Assert.True(findings.Contains("24:21 ReferenceExpected"), string.Join(" | ", findings));
        Assert.True(findings.Contains("26:5 OutputMalformed"), string.Join(" | ", findings));
    }

    [Fact]
    public void RequiredInputsOfWorkflowActions()
    {
        var finding = Assert.Single(WorkflowDocumentChecker.Check("""
            schemaVersion: 1.0
            steps:
              - name: Run
                action: RunCommand
                inputs:
                  instanceId: i-0123
            """));
        Assert.Equal("InputMissing", finding.Rule);
        Assert.Equal("RunCommand needs the input 'documentName'.", finding.Message);
        Assert.Equal(6, finding.Line);
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("A")]
    [InlineData("Has space")]
    [InlineData(101)]
    [InlineData(128)]
    public void StepNamesFollowTheServicePattern(object name)
    {
        var finding = Assert.Single(WorkflowDocumentChecker.Check(StepNamed(name)));
        Assert.Equal(("StepNameInvalid", 3, 11), (finding.Rule, finding.Line, finding.Column));
        Assert.Contains("must start with a letter and have 2 to 100 letters, digits, hyphens or underscores", finding.Message);
    }

    [Theory]
    [InlineData("Go")]
    [InlineData("a-b_C9")]
    [InlineData(100)]
    public void StepNamesTheServiceTakesPass(object name) => Assert.Empty(WorkflowDocumentChecker.Check(StepNamed(name)));

    /// <summary>A one-step workflow; a number stands for a name of that many letters.</summary>
    private static string StepNamed(object name) =>
        $"schemaVersion: 1.0\nsteps:\n  - name: {(name is int length ? new string('a', length) : name)}\n    action: WaitForAction\n";

    [Fact]
    public void ReferencesAfterEscapesArePlacedWhereTheSourceHasThem()
    {
        var finding = Assert.Single(WorkflowDocumentChecker.Check("""
            schemaVersion: 1.0
            steps:
              - name: Approval
                action: WaitForAction
                if:
                  booleanEquals: true
                  value: "\t\"$.parameters.approve\""
            """));
        Assert.Equal(("ParameterUnknown", 7, 19), (finding.Rule, finding.Line, finding.Column));
    }

    [Fact]
    public async Task AnAliasInsideItsOwnAnchorIsWalkedOnce()
    {
        var check = Task.Run(() => WorkflowDocumentChecker.Check("""
            schemaVersion: 1.0
            steps:
              - &step
                name: Wait
                action: WaitForAction
                if: *step
                description: $.parameters.missing
            """));
        // Before, the walk went round the alias for ever.
        Assert.Same(check, await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(10))));
        var finding = Assert.Single(await check);
        Assert.Equal(("ParameterUnknown", 7, 18), (finding.Rule, finding.Line, finding.Column));
    }

    [Fact]
    public void KeysFromMergeKeysCount()
    {
        var finding = Assert.Single(WorkflowDocumentChecker.Check("""
            schemaVersion: 1.0
            steps:
              - &terminate
                name: TerminateFirst
                action: TerminateInstance
                inputs:
                  instanceId: i-0123
              - <<: *terminate
                name: TerminateAgain
              - <<: [{ onFailure: Continue }, { action: TerminateInstance }]
                name: TerminateWithoutInputs
            """));
        Assert.Equal(("InputsMissing", 10, 5), (finding.Rule, finding.Line, finding.Column));
    }

    [Fact]
    public async Task AMappingThatMergesItselfIsLookedInOnce()
    {
        var check = Task.Run(() => WorkflowDocumentChecker.Check("""
            schemaVersion: 1.0
            steps:
              - &step
                <<: *step
                name: Wait
                action: WaitForAction
                inputs: {}
            """));
        Assert.Same(check, await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Empty(await check);
    }

    [Fact]
    public void FindingsComeInTheOrderOfTheText()
    {
        var findings = WorkflowDocumentChecker.Check("""
            schemaVersion: 1.0
            steps:
              - name: Go
                onFailure: Retry
                action: WaitForActions
                retries: 3
              - name: Run
                action: RunCommand
                inputs: {}
            """).Select(f => $"{f.Line}:{f.Column} {f.Rule} {f.Message}").ToList();
        Assert.Equal(new[]
        {
            "4:16 OnFailureInvalid onFailure is 'Retry'; it takes Abort, Continue.",
            "5:13 UnknownAction 'WaitForActions' is not an action an Image Builder workflow can run. Did you mean WaitForAction?",
            "6:5 UnknownKey Workflow steps do not take 'retries', so it is ignored.",
            "9:13 InputMissing RunCommand needs the input 'documentName'.",
            "9:13 InputMissing RunCommand needs the input 'instanceId'.",
        }, findings);
    }

    [Fact]
    public void CreateImageIsTheActionThatTakesTheImage()
    {
        var finding = Assert.Single(WorkflowDocumentChecker.Check("""
            schemaVersion: 1.0
            steps:
              - name: CreateOutputAMI
                action: CreateImageFromInstance
                inputs:
                  instanceId: i-0123
            """));
        Assert.Equal(("UnknownAction", 4, 13), (finding.Rule, finding.Line, finding.Column));
        Assert.EndsWith("Did you mean CreateImage?", finding.Message);
    }

    [Fact]
    public void ApplyImageConfigurationsNeedsTheRegion()
    {
        var finding = Assert.Single(WorkflowDocumentChecker.Check("""
            schemaVersion: 1.0
            steps:
              - name: Configure
                action: ApplyImageConfigurations
                inputs:
                  licenseConfigurationArns: []
            """));
        Assert.Equal(("InputMissing", 6, 7), (finding.Rule, finding.Line, finding.Column));
        Assert.Equal("ApplyImageConfigurations needs the input 'region'.", finding.Message);
    }
}
