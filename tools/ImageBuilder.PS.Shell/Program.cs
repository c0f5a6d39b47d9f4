using System.Management.Automation.Runspaces;

// Starts PowerShell with ImageBuilder.PS imported from output/ImageBuilder.PS. Every argument goes to
// PowerShell as pwsh would take it, e.g.:
//   dotnet run --project tools/ImageBuilder.PS.Shell -- -Command "Get-Command -Module ImageBuilder.PS"
var manifest = FindModule();
if (manifest is null)
{
    Console.Error.WriteLine("output/ImageBuilder.PS/ImageBuilder.PS.psd1 was not found; run 'dotnet build' in the repository first.");
    return 2;
}
var state = InitialSessionState.CreateDefault2();
state.ImportPSModule(manifest);
var banner = $"ImageBuilder.PS shell (PowerShell {typeof(System.Management.Automation.PSObject).Assembly.GetName().Version}) with {manifest}";
var pwshArgs = args.Contains("-NoProfile", StringComparer.OrdinalIgnoreCase) ? args : new[] { "-NoProfile" }.Concat(args).ToArray();
return Microsoft.PowerShell.ConsoleShell.Start(state, banner, "", pwshArgs);

static string? FindModule()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "output", "ImageBuilder.PS", "ImageBuilder.PS.psd1");
        if (File.Exists(candidate)) return candidate;
    }
    return null;
}
