namespace ImageBuilder.PS.Emulator.State;

/// <summary>The fixed facts of one emulator: who it pretends the caller is, where, and how fast builds go.</summary>
internal sealed class EmulatorSettings
{
    public required string Account { get; init; }
    public required string Region { get; init; }
    public string Partition { get; init; } = "aws";
    /// <summary>How long each build or import status lasts on the emulator's clock.</summary>
    public TimeSpan StageDuration { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Scan findings an image built with scanning enabled gets.</summary>
    public int FindingsPerScannedImage { get; init; } = 12;
}
