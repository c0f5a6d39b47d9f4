namespace ImageBuilder.PS.Emulator.Imports;

/// <summary>An AppStream imported image and where its import stands.</summary>
internal sealed class AppStreamImageRecord
{
    public AppStreamImageRecord(Model.AppStream.Image image, DateTime nextAt, ArrangedFailure? failure)
    {
        Image = image;
        NextAt = nextAt;
        Failure = failure;
    }

    public Model.AppStream.Image Image { get; }
    public DateTime NextAt { get; set; }
    public ArrangedFailure? Failure { get; }
    public long Sequence { get; init; }
}

/// <summary>A WorkSpaces imported image and where its import stands.</summary>
internal sealed class WorkSpacesImageRecord
{
    public WorkSpacesImageRecord(Model.WorkSpaces.WorkspaceImage image, DateTime nextAt, ArrangedFailure? failure)
    {
        Image = image;
        NextAt = nextAt;
        Failure = failure;
    }

    public Model.WorkSpaces.WorkspaceImage Image { get; }
    public DateTime NextAt { get; set; }
    public ArrangedFailure? Failure { get; }
    /// <summary>Why the service refuses the image's operating system (the import then ends in ERROR), or null.</summary>
    public string? Refusal { get; init; }
    public long Sequence { get; init; }
}
