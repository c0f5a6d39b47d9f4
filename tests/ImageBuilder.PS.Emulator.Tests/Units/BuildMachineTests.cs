using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Ib;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Tests.Units;

/// <summary>The build state machine on its own, driven by explicit times.</summary>
public sealed class BuildMachineTests
{
    private static readonly DateTime T0 = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Stage = TimeSpan.FromSeconds(2);
    private readonly EmulatorState _state = new(new EmulatorSettings { Account = "123456789012", Region = "us-east-1", StageDuration = Stage });
    private readonly BuildMachine _machine;

    public BuildMachineTests() => _machine = new BuildMachine(_state);

    private Entry<Image> NewImage()
    {
        var image = new Image { Arn = "arn:aws:imagebuilder:us-east-1:123456789012:image/x/1.0.0/1", Name = "x", Version = "1.0.0", Type = "AMI", State = new ImageState { Status = "PENDING" } };
        var entry = new Entry<Image>(image.Arn, "arn:aws:imagebuilder:us-east-1:123456789012:image/x", Ownership.Self, image, 1) { Version = new SemanticVersion(1, 0, 0), Build = 1 };
        _state.Images.Add(entry);
        return entry;
    }

    private static WorkflowPlan Plan(string type, params string[] actions) =>
        new($"arn:aws:imagebuilder:us-east-1:aws:workflow/{type.ToLowerInvariant()}/w/1.0.0/1", type,
            actions.Select((a, i) => new WorkflowStepSpec($"Step{i}", a, null, "Abort", null)).ToList(), null, null);

    private static IReadOnlyList<BuildPhase> Phases(params WorkflowPlan[] build) => new[]
    {
        new BuildPhase("PENDING", Array.Empty<WorkflowPlan>()),
        new BuildPhase("CREATING", Array.Empty<WorkflowPlan>()),
        new BuildPhase("BUILDING", build),
        new BuildPhase("TESTING", new[] { Plan("TEST", "RunTests") }),
        new BuildPhase("DISTRIBUTING", Array.Empty<WorkflowPlan>()),
        new BuildPhase("INTEGRATING", Array.Empty<WorkflowPlan>()),
    };

    private string StatusAt(Entry<Image> image, int stages)
    {
        _machine.Advance(T0 + Stage * stages);
        return image.Value.State!.Status!;
    }

    [Fact]
    public void A_build_passes_every_stage_one_stage_apart()
    {
        var image = NewImage();
        _machine.Start(image, Phases(Plan("BUILD", "LaunchInstance", "ExecuteComponents")), T0);

        var seen = Enumerable.Range(0, 7).Select(i => StatusAt(image, i)).ToList();

        Assert.Equal(new[] { "PENDING", "CREATING", "BUILDING", "TESTING", "DISTRIBUTING", "INTEGRATING", "AVAILABLE" }, seen);
        Assert.Empty(_state.ActiveBuilds);
        var executions = _state.WorkflowExecutionsByImage[image.Arn];
        Assert.Equal(new[] { "COMPLETED", "COMPLETED" }, executions.Select(e => e.Metadata.Status));
        Assert.Equal(T0 + Stage * 2, executions[0].Metadata.StartTime);
        Assert.Equal(T0 + Stage * 3, executions[0].Metadata.EndTime);
        Assert.Equal(2, executions[0].Metadata.TotalStepsSucceeded);
        Assert.NotNull(image.Value.OutputResources?.Amis);
    }

    [Fact]
    public void A_build_catches_up_in_one_go()
    {
        var image = NewImage();
        _machine.Start(image, Phases(Plan("BUILD", "ExecuteComponents")), T0);
        Assert.Equal("AVAILABLE", StatusAt(image, 100));
    }

    [Fact]
    public void WaitForAction_holds_until_resumed()
    {
        var image = NewImage();
        var run = _machine.Start(image, Phases(Plan("BUILD", "LaunchInstance", "WaitForAction", "CreateImage")), T0);

        Assert.Equal("BUILDING", StatusAt(image, 50));
        Assert.True(run.Waiting);
        Assert.Equal("WaitForAction", run.CurrentStep!.Spec.Action);

        _machine.Resume(run, T0 + Stage * 50);
        Assert.False(run.Waiting);
        Assert.Equal("TESTING", StatusAt(image, 51));
        Assert.Equal("AVAILABLE", StatusAt(image, 60));
    }

    [Fact]
    public void STOP_fails_the_step_the_workflow_and_the_build()
    {
        var image = NewImage();
        var run = _machine.Start(image, Phases(Plan("BUILD", "WaitForAction", "CreateImage")), T0);
        _machine.Advance(T0 + Stage * 3);
        var step = run.CurrentStep!;

        _machine.Stop(run, "rejected", T0 + Stage * 3);

        Assert.Equal("FAILED", image.Value.State!.Status);
        Assert.Contains("rejected", image.Value.State.Reason);
        Assert.Equal("FAILED", step.Metadata.Status);
        Assert.Equal("FAILED", step.Execution.Metadata.Status);
        Assert.Empty(_state.ActiveBuilds);
    }

    [Fact]
    public void An_arranged_failure_ends_the_build_at_its_stage()
    {
        _state.ArrangedFailures.Add(new ArrangedFailure { Stage = "TESTING", Reason = "tests failed" });
        var image = NewImage();
        _machine.Start(image, Phases(Plan("BUILD", "ExecuteComponents")), T0);

        Assert.Equal("BUILDING", StatusAt(image, 2));
        Assert.Equal("FAILED", StatusAt(image, 3));
        Assert.Equal("tests failed", image.Value.State!.Reason);
        Assert.Equal("FAILED", _state.WorkflowExecutionsByImage[image.Arn].Last().Metadata.Status);
        Assert.Empty(_state.ArrangedFailures);
    }

    [Fact]
    public void Cancel_stops_the_build_where_it_is()
    {
        var image = NewImage();
        var run = _machine.Start(image, Phases(Plan("BUILD", "ExecuteComponents")), T0);
        _machine.Advance(T0 + Stage * 2);

        _machine.Cancel(run, T0 + Stage * 2);

        Assert.Equal("CANCELLED", image.Value.State!.Status);
        Assert.Equal("CANCELLED", _state.WorkflowExecutionsByImage[image.Arn][0].Metadata.Status);
        Assert.Equal("CANCELLED", StatusAt(image, 20));
    }

    [Fact]
    public void Dependencies_follow_versions_wildcards_and_builds()
    {
        const string family = "arn:aws:imagebuilder:us-east-1:123456789012:component/c";
        var v = new SemanticVersion(1, 2, 3);
        Assert.True(Dependencies.References(family + "/1.2.3/1", family, v, 1));
        Assert.True(Dependencies.References(family + "/1.x.x", family, v, 1));
        Assert.True(Dependencies.References(family + "/1.2.3", family, v, 7));
        Assert.False(Dependencies.References(family + "/1.2.3/2", family, v, 1));
        Assert.False(Dependencies.References(family + "/2.x.x", family, v, 1));
        Assert.False(Dependencies.References(family + "x/1.2.3/1", family, v, 1));
    }
}
