using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Ib;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Builds;

/// <summary>
/// Decides the statuses a build passes through and the workflows that run in them: the image's own workflows by
/// type, or else Amazon's default build and test workflows for its kind (AMI or container).
/// </summary>
internal sealed class BuildPlanner
{
    private readonly EmulatorState _state;

    public BuildPlanner(EmulatorState state) => _state = state;

    /// <summary>Checks that each workflow an image or pipeline names exists; refuses the request otherwise.</summary>
    public void CheckWorkflows(List<WorkflowConfiguration>? workflows)
    {
        foreach (var configuration in workflows ?? new List<WorkflowConfiguration>())
        {
            Resolve(configuration.WorkflowArn!);
        }
    }

    public IReadOnlyList<BuildPhase> ForBuild(Image image)
    {
        var build = new List<WorkflowPlan>();
        var test = new List<WorkflowPlan>();
        var distribution = new List<WorkflowPlan>();
        foreach (var configuration in image.Workflows ?? new List<WorkflowConfiguration>())
        {
            var plan = PlanOf(Resolve(configuration.WorkflowArn!), configuration);
            (plan.Type switch { "TEST" => test, "DISTRIBUTION" => distribution, _ => build }).Add(plan);
        }
        var kind = image.Type == "DOCKER" ? "container" : "image";
        if (build.Count == 0)
        {
            build.Add(Default("build", $"build-{kind}"));
        }
        if (test.Count == 0 && image.ImageTestsConfiguration?.ImageTestsEnabled != false)
        {
            test.Add(Default("test", $"test-{kind}"));
        }
        var phases = new List<BuildPhase>
        {
            new("PENDING", Array.Empty<WorkflowPlan>()),
            new("CREATING", Array.Empty<WorkflowPlan>()),
            new("BUILDING", build),
        };
        if (test.Count > 0)
        {
            phases.Add(new BuildPhase("TESTING", test));
        }
        phases.Add(new BuildPhase("DISTRIBUTING", distribution));
        phases.Add(new BuildPhase("INTEGRATING", Array.Empty<WorkflowPlan>()));
        return phases;
    }

    /// <summary>Imports (disk and VM images) register an image without building one.</summary>
    public static IReadOnlyList<BuildPhase> ForImport() => new[]
    {
        new BuildPhase("PENDING", Array.Empty<WorkflowPlan>()),
        new BuildPhase("CREATING", Array.Empty<WorkflowPlan>()),
        new BuildPhase("INTEGRATING", Array.Empty<WorkflowPlan>()),
    };

    /// <summary>DistributeImage copies an existing image to the configuration's regions.</summary>
    public static IReadOnlyList<BuildPhase> ForDistribution() => new[]
    {
        new BuildPhase("PENDING", Array.Empty<WorkflowPlan>()),
        new BuildPhase("DISTRIBUTING", Array.Empty<WorkflowPlan>()),
        new BuildPhase("INTEGRATING", Array.Empty<WorkflowPlan>()),
    };

    private Entry<Workflow> Resolve(string workflowArn)
    {
        var arn = IbSupport.ParseArn(workflowArn, "workflows.workflowArn", "workflow/build", "workflow/test", "workflow/distribution");
        return _state.Workflows.Resolve(IbSupport.Family(arn), arn.Version, IbSupport.BuildNumber(arn))
            ?? throw ServiceError.InvalidParameterValue($"The workflow {workflowArn} does not exist.");
    }

    private WorkflowPlan Default(string type, string name)
    {
        var entry = _state.Workflows.Resolve(_state.Arns.Build("workflow/" + type, name, owner: "aws"), "x.x.x", null);
        if (entry is null)
        {
            // Amazon's workflows are always there; without them (a hand-edited state file) a build still has its steps.
            var fallback = new WorkflowStepSpec(type == "build" ? "BuildImage" : "RunTests", type == "build" ? "ExecuteComponents" : "RunTests", null, "Abort", null);
            return new WorkflowPlan(_state.Arns.Build("workflow/" + type, name, "1.0.0", 1, "aws"), type.ToUpperInvariant(), new[] { fallback }, null, null);
        }
        return PlanOf(entry, null);
    }

    private static WorkflowPlan PlanOf(Entry<Workflow> entry, WorkflowConfiguration? configuration)
    {
        var steps = YamlDocuments.ReadWorkflow(entry.Value.Data ?? "").Steps;
        return new WorkflowPlan(entry.Arn, entry.Value.Type ?? "BUILD", steps, configuration?.ParallelGroup, configuration?.OnFailure);
    }
}
