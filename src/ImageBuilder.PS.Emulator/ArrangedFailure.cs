namespace ImageBuilder.PS.Emulator;

/// <summary>What can be made to fail, and where.</summary>
public enum FailureTarget
{
    /// <summary>Image Builder image builds (CreateImage, StartImagePipelineExecution, imports, DistributeImage, RetryImage).</summary>
    ImageBuild,
    /// <summary>AppStream CreateImportedImage.</summary>
    AppStreamImport,
    /// <summary>WorkSpaces ImportWorkspaceImage.</summary>
    WorkSpacesImport,
}

/// <summary>A failure arranged through the control API: the next builds or imports of a kind fail on reaching a stage.</summary>
public sealed class ArrangedFailure
{
    /// <summary>What fails.</summary>
    public FailureTarget Target { get; init; } = FailureTarget.ImageBuild;
    /// <summary>The status at which it fails: BUILDING, TESTING, ... for builds; IMPORTING, VALIDATING for AppStream; PENDING for WorkSpaces.</summary>
    public string Stage { get; init; } = "BUILDING";
    /// <summary>The reason the resource's state reports.</summary>
    public string? Reason { get; init; }
    /// <summary>
    /// For builds: the workflow step of that stage that fails (ApplyBuildComponents, say), after running for its
    /// usual time; the steps before it complete. Without it the stage's first step fails as the stage begins.
    /// </summary>
    public string? Step { get; init; }
    /// <summary>How many builds or imports fail this way (the next ones started).</summary>
    public int Count { get; init; } = 1;
}
