namespace ImageBuilder.PS.Generator;

/// <summary>
/// The few places where the module deliberately differs from a literal reading of the models. Each is a choice
/// about what a PowerShell user sees, not about the wire: the wire form stays exactly as the model says.
/// </summary>
public static class ModelCustomizations
{
    /// <summary>The services this module calls, and which of their operations (null: all of them).</summary>
    public static readonly IReadOnlyList<ServiceSelection> Services = new[]
    {
        new ServiceSelection("imagebuilder", "Ib", "ImageBuilder", null),
        new ServiceSelection("appstream", "AppStream", "AppStream", new[] { "CreateImportedImage", "DescribeImages" }),
        new ServiceSelection("workspaces", "WorkSpaces", "WorkSpaces", new[] { "ImportWorkspaceImage", "DescribeWorkspaceImages" }),
        // Build and pipeline logs; the log-group operations are there for the emulator, which answers them too.
        new ServiceSelection("logs", "Logs", "CloudWatchLogs", new[] { "GetLogEvents", "FilterLogEvents", "DescribeLogStreams", "CreateLogGroup", "DescribeLogGroups", "DeleteLogGroup" }),
    };

    /// <summary>
    /// Image Builder sends its dates as ISO 8601 strings of a shape named DateTime. The module exposes them as
    /// System.DateTime so that sorting, filtering and formatting work the way a PowerShell user expects.
    /// </summary>
    public static bool IsDateString(string shapeName) => shapeName == "DateTime";
}

/// <param name="ModelFolder">The folder under models/.</param>
/// <param name="Prefix">The prefix of generated registry classes and the last part of their namespace.</param>
/// <param name="ClientName">The name the client and its configuration take.</param>
/// <param name="Operations">The operations in scope, or null for all.</param>
public sealed record ServiceSelection(string ModelFolder, string Prefix, string ClientName, IReadOnlyCollection<string>? Operations);
