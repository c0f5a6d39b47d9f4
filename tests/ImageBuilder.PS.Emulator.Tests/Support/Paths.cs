namespace ImageBuilder.PS.Emulator.Tests.Support;

/// <summary>Where the repository, the conformance scripts and the shared AWS models are.</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ConformanceScripts => Path.Combine(RepoRoot, "tests", "conformance");

    /// <summary>../shared/models (or IMAGEBUILDER_PS_SHARED/models), or null when this checkout has none beside it.</summary>
    public static string? Models { get; } = FindModels();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImageBuilder.PS.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The tests run from inside the repository; ImageBuilder.PS.sln was not found above " + AppContext.BaseDirectory);
    }

    private static string? FindModels()
    {
        var shared = Environment.GetEnvironmentVariable("IMAGEBUILDER_PS_SHARED") ?? Path.Combine(RepoRoot, "..", "shared");
        var models = Path.Combine(shared, "models");
        return File.Exists(Path.Combine(models, "imagebuilder", "service-2.json")) ? Path.GetFullPath(models) : null;
    }
}
