using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Lifecycle;

/// <summary>A change one lifecycle execution makes to one image: which image, what to do, and the state it ends in.</summary>
internal sealed class PlannedChange
{
    public PlannedChange(string imageArn, string action, string targetStatus, LifecycleExecutionResource resource)
    {
        ImageArn = imageArn;
        Action = action;
        TargetStatus = targetStatus;
        Resource = resource;
    }

    public string ImageArn { get; }
    /// <summary>DEPRECATE, DISABLE, DELETE or AVAILABLE.</summary>
    public string Action { get; }
    /// <summary>The image status it sets: DEPRECATED, DISABLED, DELETED or AVAILABLE.</summary>
    public string TargetStatus { get; }
    public LifecycleExecutionResource Resource { get; }
}

/// <summary>
/// A lifecycle execution (from a lifecycle policy's run or from StartResourceStateUpdate): it starts
/// IN_PROGRESS, applies its changes one stage later on the emulator's clock, then ends SUCCESS, unless cancelled.
/// </summary>
internal sealed class LifecycleExecutionRecord
{
    public LifecycleExecutionRecord(LifecycleExecution execution, DateTime applyAt, string? resourceArn)
    {
        Execution = execution;
        ApplyAt = applyAt;
        ResourceArn = resourceArn;
    }

    public LifecycleExecution Execution { get; }
    public DateTime ApplyAt { get; set; }
    /// <summary>The image a StartResourceStateUpdate named (null for a policy's run).</summary>
    public string? ResourceArn { get; }
    public List<PlannedChange> Changes { get; } = new();
    public bool Done { get; set; }
}
