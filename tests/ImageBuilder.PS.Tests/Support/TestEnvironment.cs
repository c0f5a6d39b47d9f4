using System.Runtime.CompilerServices;

namespace ImageBuilder.PS.Tests.Support;

/// <summary>
/// Runs before any test: points every AWS setting at a private temporary folder so that no test reads the real
/// home directory's profiles, reaches instance metadata, or could ever call real AWS.
/// </summary>
internal static class TestEnvironment
{
    public static string Home { get; private set; } = "";

    /// <summary>The home directory the tests started with: where dotnet keeps its tools and packages.</summary>
    public static string OriginalHome { get; private set; } = "";

    public const string AccessKey = "AKIDTESTONLY00000000";
    public const string SecretKey = "test-secret-key-never-real-0000000000000";
    public const string Region = "us-east-1";

    [ModuleInitializer]
    internal static void Isolate()
    {
        OriginalHome = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Home = Path.Combine(Path.GetTempPath(), "ibps-tests-" + Environment.ProcessId);
        Directory.CreateDirectory(Path.Combine(Home, ".aws"));
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            Environment.SetEnvironmentVariable(name, null);
        }
        Environment.SetEnvironmentVariable("HOME", Home);
        Environment.SetEnvironmentVariable("USERPROFILE", Home);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(Home, ".aws", "credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(Home, ".aws", "config"));
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretKey);
        Environment.SetEnvironmentVariable("AWS_REGION", Region);
        // Whatever an endpoint test forgets to set must fail on loopback, never reach AWS.
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        Environment.SetEnvironmentVariable("AWS_MAX_ATTEMPTS", "3");
    }
}
