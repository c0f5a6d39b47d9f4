using System.Globalization;
using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Conformance;

/// <summary>A whole image's life (tests/conformance/scenario.py), and many clients at once (concurrency.py), through boto3.</summary>
public sealed class Boto3ScenarioTests : IClassFixture<EmulatorFixture>
{
    /// <summary>How long the concurrency run lasts; CI keeps it short, IBPS_CONCURRENCY_SECONDS=60 makes it a soak.</summary>
    private static readonly int ConcurrencySeconds =
        int.TryParse(Environment.GetEnvironmentVariable("IBPS_CONCURRENCY_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 10;

    private readonly EmulatorFixture _fixture;

    public Boto3ScenarioTests(EmulatorFixture fixture) => _fixture = fixture;

    [SkippableFact]
    public void An_image_lives_its_whole_life()
    {
        Skip.If(Paths.Models is null, "../shared/models is not beside this checkout.");
        Skip.IfNot(ExternalTool.HasBoto3, "python3 with boto3 is not installed.");

        var result = ExternalTool.Python("scenario.py", new[] { "--endpoint", _fixture.Emulator.Url, "--models", Paths.Models! }, TimeSpan.FromMinutes(4));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("scenario passed", result.Output);
    }

    [SkippableFact]
    public void Fifty_clients_lose_and_duplicate_nothing()
    {
        Skip.If(Paths.Models is null, "../shared/models is not beside this checkout.");
        Skip.IfNot(ExternalTool.HasBoto3, "python3 with boto3 is not installed.");

        var result = ExternalTool.Python("concurrency.py",
            new[] { "--endpoint", _fixture.Emulator.Url, "--models", Paths.Models!, "--clients", "50", "--seconds", ConcurrencySeconds.ToString(CultureInfo.InvariantCulture) },
            TimeSpan.FromSeconds(ConcurrencySeconds + 180));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("concurrency passed", result.Output);
    }
}
