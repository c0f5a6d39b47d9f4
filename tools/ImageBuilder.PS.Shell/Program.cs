using System.Management.Automation.Runspaces;
using ImageBuilder.PS.Emulator;

// Starts PowerShell with ImageBuilder.PS imported from output/ImageBuilder.PS (or IBPS_MODULE_PATH). Arguments go
// to PowerShell as pwsh takes them, after the shell's own:
//   --emulator            start the local emulator first; every cmdlet in the session talks to it
//   --clock-scale <n>     with --emulator: how many times faster than real time builds run (default 4)
// e.g.  dotnet run --project tools/ImageBuilder.PS.Shell -- --emulator -File examples/golden-image.ps1
var (useEmulator, clockScale, pwshArgs) = ShellArguments.Parse(args);
var manifest = FindModule();
if (manifest is null)
{
    Console.Error.WriteLine("output/ImageBuilder.PS/ImageBuilder.PS.psd1 was not found; run 'dotnet build' in the repository first.");
    return 2;
}

ImageBuilderEmulator? emulator = null;
if (useEmulator)
{
    emulator = ImageBuilderEmulator.Start(new EmulatorOptions { ClockMode = ClockMode.Scaled, ClockScale = clockScale });
    // The module reads these like any AWS tool does: no real account is used, and nothing leaves this machine.
    Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", emulator.Url);
    Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDEMULATOR0000000");
    Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "emulator-secret-not-a-real-key");
    Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
    Environment.SetEnvironmentVariable("AWS_REGION", emulator.Region);
    Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    Console.WriteLine($"Emulator at {emulator.Url} (account {emulator.AccountId}, region {emulator.Region}, builds {clockScale}x faster than real time).");
}

var state = InitialSessionState.CreateDefault2();
state.ImportPSModule(manifest);
var banner = $"ImageBuilder.PS shell (PowerShell {typeof(System.Management.Automation.PSObject).Assembly.GetName().Version}) with {manifest}";
try
{
    return Microsoft.PowerShell.ConsoleShell.Start(state, banner, "", pwshArgs);
}
finally
{
    emulator?.Dispose();
}

static string? FindModule()
{
    var given = Environment.GetEnvironmentVariable("IBPS_MODULE_PATH");
    if (!string.IsNullOrEmpty(given))
    {
        var manifest = Directory.Exists(given) ? Path.Combine(given, "ImageBuilder.PS.psd1") : given;
        return File.Exists(manifest) ? Path.GetFullPath(manifest) : null;
    }
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "output", "ImageBuilder.PS", "ImageBuilder.PS.psd1");
        if (File.Exists(candidate)) return candidate;
    }
    return null;
}
