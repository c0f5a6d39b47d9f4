using System.Diagnostics;

namespace ImageBuilder.PS.Tests.Support;

/// <summary>What one run of real pwsh left behind.</summary>
public sealed record PwshResult(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// Real pwsh (the repository's local dotnet tool, 7.6.10) in a child process, for what only a real console host
/// shows: -NonInteractive, a time zone of its own (TZ), redirected input. The child gets the tests' isolated AWS
/// settings, and dotnet's own home so that it finds the restored tool.
/// </summary>
public static class RealPwsh
{
    private static readonly Lazy<string?> RestoreFailure = new(Restore);

    /// <summary>Runs a script (the module imported, every -Ib cmdlet pointed at <paramref name="endpoint"/>) with <c>pwsh -NonInteractive -File</c>.</summary>
    public static PwshResult RunFile(string script, string endpoint, IDictionary<string, string>? environment = null, bool nonInteractive = true, bool stdinFromNull = false)
    {
        Assert.True(RestoreFailure.Value is null, "dotnet tool restore failed: " + RestoreFailure.Value);
        var file = Path.Combine(TestEnvironment.Home, "script-" + Guid.NewGuid().ToString("N") + ".ps1");
        File.WriteAllText(file,
            "$ErrorView = 'NormalView'\n" +
            $"Import-Module '{PowerShellSession.ModulePath}' -ErrorAction Stop\n" +
            $"$PSDefaultParameterValues['*-Ib*:EndpointUrl'] = '{endpoint}'\n" +
            script);
        var args = new List<string> { "pwsh", "-NoProfile", "-NoLogo" };
        if (nonInteractive) args.Add("-NonInteractive");
        args.AddRange(new[] { "-File", file });
        try
        {
            return Run(args, environment, stdinFromNull);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Restore()
    {
        var result = Run(new List<string> { "tool", "restore" }, null, stdinFromNull: true);
        return result.ExitCode == 0 ? null : result.StdOut + result.StdErr;
    }

    private static PwshResult Run(List<string> args, IDictionary<string, string>? environment, bool stdinFromNull)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = PowerShellSession.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdinFromNull,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // AWS settings come from the tests' isolated environment (inherited); dotnet looks for tools under its own home.
        start.Environment["DOTNET_CLI_HOME"] = TestEnvironment.OriginalHome;
        start.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(TestEnvironment.OriginalHome, ".nuget", "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["TERM"] = "dumb";
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }
        using var process = Process.Start(start)!;
        if (stdinFromNull)
        {
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("pwsh did not finish within two minutes: " + string.Join(' ', args));
        }
        return new PwshResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
