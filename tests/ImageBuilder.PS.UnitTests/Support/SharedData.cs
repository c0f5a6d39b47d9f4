namespace ImageBuilder.PS.UnitTests.Support;

/// <summary>Finds ../shared (AWS's models and test vectors) beside the repository, when it is there.</summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder, or null when this checkout has none beside it (then the vector tests skip).</summary>
    public static string? Folder { get; } = FindShared();

    public static string? PathTo(params string[] parts) =>
        Folder is null ? null : Path.Combine(new[] { Folder }.Concat(parts).ToArray());

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

    private static string? FindShared()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("IMAGEBUILDER_PS_SHARED");
        var candidate = fromEnvironment ?? Path.Combine(RepoRoot, "..", "shared");
        return Directory.Exists(Path.Combine(candidate, "protocol-tests")) ? Path.GetFullPath(candidate) : null;
    }
}
