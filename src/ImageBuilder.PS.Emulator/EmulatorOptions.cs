namespace ImageBuilder.PS.Emulator;

/// <summary>How an emulator starts. Every setting has a default that suits tests.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The account every ARN names and every caller is taken to be (any signature is accepted).</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>The region in the ARNs the emulator forms. Requests signed for any region are served.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Where to listen: a loopback URL; port 0 picks a free port (see <see cref="ImageBuilderEmulator.Url"/>).</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>How long each build or import status lasts on the emulator's clock.</summary>
    public TimeSpan StageDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many scan findings an image built with scanning enabled gets.</summary>
    public int FindingsPerScannedImage { get; init; } = 12;

    /// <summary>The clock to start with.</summary>
    public ClockMode ClockMode { get; init; } = ClockMode.Real;

    /// <summary>The factor of a <see cref="ClockMode.Scaled"/> clock.</summary>
    public double ClockScale { get; init; } = 1;

    /// <summary>A JSON file to keep the account's resources in across restarts (loaded at start, saved every few seconds and at stop); null keeps everything in memory.</summary>
    public string? StateFile { get; init; }

    /// <summary>Receives diagnostic lines (unexpected failures, persistence problems); null discards them.</summary>
    public Action<string>? Log { get; init; }
}
