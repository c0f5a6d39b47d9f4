using System.Diagnostics;

namespace ImageBuilder.PS.Emulator.Tests.Support;

/// <summary>The output of a finished process.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

/// <summary>
/// Runs python3 and the AWS CLI against an emulator, in an environment that can never reach real AWS, the real
/// home directory or instance metadata: dummy credentials, empty config files in a temporary folder.
/// </summary>
public static class ExternalTool
{
    private static readonly Lazy<bool> Boto3 = new(() => Probe("python3", "-c \"import boto3\""));
    private static readonly Lazy<bool> AwsCli = new(() => Probe("aws", "--version"));

    public static bool HasBoto3 => Boto3.Value;
    public static bool HasAwsCli => AwsCli.Value;

    public static ToolResult Python(string script, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null) =>
        Run("python3", new[] { "-u", Path.Combine(Paths.ConformanceScripts, script) }.Concat(arguments), timeout, environment);

    public static ToolResult Aws(string endpoint, params string[] arguments) =>
        Run("aws", arguments.Concat(new[] { "--endpoint-url", endpoint, "--output", "json" }), TimeSpan.FromSeconds(60), null);

    public static ToolResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment)
    {
        var home = Directory.CreateTempSubdirectory("ibps-tool-");
        try
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = Paths.ConformanceScripts,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            Isolate(start.Environment, home.FullName);
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[key] = value;
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran longer than {timeout}.");
            }
            process.WaitForExit();
            return new ToolResult(process.ExitCode, output.Result, error.Result);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    private static void Isolate(IDictionary<string, string?> environment, string home)
    {
        File.WriteAllText(Path.Combine(home, "config"), "[default]\nregion = us-east-1\n");
        File.WriteAllText(Path.Combine(home, "credentials"), "[default]\naws_access_key_id = AKIDEMULATOR\naws_secret_access_key = emulator-secret\n");
        foreach (var key in environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(key);
        }
        environment["HOME"] = home;
        environment["AWS_CONFIG_FILE"] = Path.Combine(home, "config");
        environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "credentials");
        environment["AWS_ACCESS_KEY_ID"] = "AKIDEMULATOR";
        environment["AWS_SECRET_ACCESS_KEY"] = "emulator-secret";
        environment["AWS_DEFAULT_REGION"] = "us-east-1";
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        environment["AWS_PAGER"] = "";
        environment["PYTHONDONTWRITEBYTECODE"] = "1";
    }

    private static bool Probe(string program, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            return process.WaitForExit(30_000) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
