using System.Diagnostics;
using System.Reflection;
using ImageBuilder.PS.Emulator;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Desktop;

/// <summary>
/// The Windows PowerShell 5.1 stand-in: tests/ImageBuilder.PS.DesktopStandIn (net472) run on Mono, a .NET Framework
/// 4.x runtime, loads the module's netstandard2.0 assemblies through the module's resolver next to older AWSSDK.Core
/// and YamlDotNet builds, calls the emulator and checks documents. PowerShell 5.1 itself cannot run here.
/// </summary>
public sealed class MonoStandInTests
{
    private static readonly string[] Checks =
    {
        "harness-folder-clean", "old-yamldotnet-before", "old-awssdk-core-before", "module-loaded", "resolver-installed",
        "engine-assemblies", "client", "list-images", "get-image-signed", "view-text", "emulator-control", "document-bad", "document-good",
        "old-yamldotnet-after", "old-awssdk-core-after", "side-by-side-awssdk-core", "side-by-side-yamldotnet", "resolver-answered",
    };

    [SkippableFact]
    public void TheModulesDesktopAssembliesWorkOnMonoBesideOlderLibraries()
    {
        var mono = FindOnPath("mono");
        // CI has to prove the stand-in, so there a missing Mono is a failure (.ci/run installs it); elsewhere it is a skip.
        if (mono is null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("mono is not on PATH, and CI=true: the Windows PowerShell 5.1 stand-in must run in CI (.ci/run installs Mono).");
        }
        Skip.If(mono is null, "mono is not installed (the Windows PowerShell 5.1 stand-in needs it; .ci/run installs it).");
        var harness = typeof(MonoStandInTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DesktopStandIn").Value!;
        Assert.True(File.Exists(harness), $"{harness} is not built");

        using var emulator = ImageBuilderEmulator.Start(new EmulatorOptions());
        var moduleFolder = Path.GetDirectoryName(PowerShellSession.ModulePath)!;
        var start = new ProcessStartInfo(mono!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { harness, moduleFolder, emulator.Url })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the stand-in did not finish within 120 s");
        var report = $"exit {process.ExitCode}\n{output}\n{error.Result}";

        Assert.True(process.ExitCode == 0, report);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        foreach (var check in Checks)
        {
            Assert.True(lines.Any(l => l.StartsWith($"PASS {check}: ", StringComparison.Ordinal)), $"no PASS line for {check}:\n{report}");
        }
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Contains("ALL CHECKS PASSED", lines);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
