namespace ImageBuilder.PS.Emulator;

/// <summary>How the emulator's clock moves.</summary>
public enum ClockMode
{
    /// <summary>Wall-clock time.</summary>
    Real,
    /// <summary>Time runs a fixed factor faster (or slower) than the wall clock, from the moment the mode is set.</summary>
    Scaled,
    /// <summary>Time stands still until a test advances it.</summary>
    Stepped,
}
