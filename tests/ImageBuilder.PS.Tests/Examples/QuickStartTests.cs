using System.Diagnostics;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Examples;

/// <summary>
/// The README's first command, run as a person would run it: it builds the module into a clean output folder,
/// starts the emulator inside the shell, and runs the golden-image runbook to the end.
/// </summary>
public sealed class QuickStartTests
{
    [Fact]
    public async Task TheQuickStartBuildsAGoldenImageAndHandsItToWorkSpaces()
    {
        var output = Path.Combine(Path.GetTempPath(), "ibps-quickstart-" + Guid.NewGuid().ToString("N"));
        try
        {
            var module = Path.Combine(output, "ImageBuilder.PS");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = PowerShellSession.RepoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "run", "--project", "tools/ImageBuilder.PS.Shell", "--property:ModuleOutputDir=" + module + Path.DirectorySeparatorChar,
                "--", "--emulator", "-File", "examples/golden-image.ps1",
            })
            {
                start.ArgumentList.Add(argument);
            }
            // The shell takes the module from the clean folder the build just laid out, not from output/.
            start.Environment["IBPS_MODULE_PATH"] = module;
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(limit.Token);
            var text = System.Text.RegularExpressions.Regex.Replace(await stdout, @"\x1b\[[0-9;]*m", "");
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{text}\n{await stderr}");

            Assert.True(File.Exists(Path.Combine(module, "ImageBuilder.PS.psd1")), "the build laid out no module in the clean folder");
            Assert.True(File.Exists(Path.Combine(module, "en-US", "ImageBuilder.PS.dll-Help.xml")), "the build laid out no help in the clean folder");
            Assert.Matches(@"Emulator at http://127\.0\.0\.1:\d+ \(account 123456789012, region us-east-1", text);
            foreach (var stage in new[] { "== A component", "== Where to build", "== Windows 11 Enterprise, imported from its ISO", "== A recipe", "== A build workflow", "== A pipeline", "== The build, until it needs approval", "== Approved", "== What the scan found", "== Handed to WorkSpaces" })
            {
                Assert.Contains(stage, text);
            }
            Assert.Matches(@"Parent image: golden-windows-base 1\.0\.0 \(Microsoft Windows 11\)", text);
            Assert.Matches(@"Approval\s+golden-windows/1\.0\.0/1", text);
            Assert.Matches(@"Status\s+: AVAILABLE", text);
            Assert.Matches(@"CRITICAL\s+\d+", text);
            Assert.Matches(@"\d+ findings in all; the critical ones:", text);
            Assert.Matches(@"Done: image arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1\.0\.0/1 is AVAILABLE; WorkSpaces image wsi-\w+ is AVAILABLE\.", text);
            Assert.DoesNotContain("Exception", text);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
