using ImageBuilder.PS.Emulator.Ib;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Builds;

/// <summary>A workflow to run during a build: which one, its type, and its steps.</summary>
internal sealed record WorkflowPlan(string WorkflowArn, string Type, IReadOnlyList<WorkflowStepSpec> Steps, string? ParallelGroup, string? OnFailure);

/// <summary>One status an image passes through while it is built, with the workflows that run in it.</summary>
internal sealed record BuildPhase(string Status, IReadOnlyList<WorkflowPlan> Workflows);

/// <summary>A workflow execution of a build, and its step executions in the order they ran.</summary>
internal sealed class WorkflowExecutionRecord
{
    public WorkflowExecutionRecord(string imageArn, WorkflowExecutionMetadata metadata)
    {
        ImageArn = imageArn;
        Metadata = metadata;
    }

    public string ImageArn { get; }
    public WorkflowExecutionMetadata Metadata { get; }
    public List<StepExecutionRecord> Steps { get; } = new();
}

/// <summary>A step execution: the metadata ListWorkflowStepExecutions returns plus what GetWorkflowStepExecution adds.</summary>
internal sealed class StepExecutionRecord
{
    public StepExecutionRecord(WorkflowExecutionRecord execution, WorkflowStepMetadata metadata, WorkflowStepSpec spec)
    {
        Execution = execution;
        Metadata = metadata;
        Spec = spec;
    }

    public WorkflowExecutionRecord Execution { get; }
    public WorkflowStepMetadata Metadata { get; }
    public WorkflowStepSpec Spec { get; }
    public bool IsWaitForAction => string.Equals(Spec.Action, "WaitForAction", StringComparison.Ordinal);
}

/// <summary>
/// A build in progress: the phases still ahead, where it stands, and when it next moves on the emulator's clock.
/// </summary>
internal sealed class BuildRun
{
    public BuildRun(Entry<Image> image, IReadOnlyList<BuildPhase> phases, DateTime start, ArrangedFailure? failure, bool retry)
    {
        Image = image;
        Phases = phases;
        NextAt = start;
        Failure = failure;
        Retry = retry;
    }

    public Entry<Image> Image { get; }
    public IReadOnlyList<BuildPhase> Phases { get; }
    public ArrangedFailure? Failure { get; }
    /// <summary>Started by RetryImage: the workflows it runs are reported as retried.</summary>
    public bool Retry { get; }
    public int PhaseIndex { get; set; } = -1;
    public int WorkflowIndex { get; set; }
    public WorkflowExecutionRecord? CurrentExecution { get; set; }
    public StepExecutionRecord? CurrentStep { get; set; }
    public DateTime NextAt { get; set; }
    /// <summary>Stopped at a WaitForAction step until SendWorkflowStepAction.</summary>
    public bool Waiting { get; set; }
    public bool Finished { get; set; }
}
