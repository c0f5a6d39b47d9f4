using System.Text.RegularExpressions;
using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Conformance;

/// <summary>
/// The AWS SDK for Python drives every operation of the emulated services (Image Builder, AppStream and WorkSpaces
/// imports, CloudWatch Logs) against the in-process emulator
/// (tests/conformance/conformance.py): success paths, the model's error paths, response shapes.
/// </summary>
public sealed class Boto3ConformanceTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public Boto3ConformanceTests(EmulatorFixture fixture) => _fixture = fixture;

    [SkippableFact]
    public void Every_operation_conforms_through_boto3()
    {
        Skip.If(Paths.Models is null, "../shared/models is not beside this checkout.");
        Skip.IfNot(ExternalTool.HasBoto3, "python3 with boto3 is not installed.");

        var result = ExternalTool.Python("conformance.py", new[] { "--endpoint", _fixture.Emulator.Url, "--models", Paths.Models! }, TimeSpan.FromMinutes(4));

        Assert.True(result.ExitCode == 0, result.All);
        var covered = Regex.Match(result.Output, @"covered (\d+)/(\d+) operations");
        Assert.True(covered.Success, result.All);
        Assert.Equal("87", covered.Groups[2].Value);
        Assert.Equal("87", covered.Groups[1].Value);
    }

    [SkippableFact]
    public void Odd_input_to_every_operation_never_gets_a_5xx()
    {
        Skip.If(Paths.Models is null, "../shared/models is not beside this checkout.");
        Skip.IfNot(ExternalTool.HasBoto3, "python3 with boto3 is not installed.");

        var result = ExternalTool.Python("robustness.py", new[] { "--endpoint", _fixture.Emulator.Url, "--models", Paths.Models! }, TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches(@"calls: 174,", result.Output);
    }
}
