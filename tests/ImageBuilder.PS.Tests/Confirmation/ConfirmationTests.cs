using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Confirmation;

/// <summary>
/// Where nobody can answer a confirmation (a host whose prompt throws, pwsh -NonInteractive, input from
/// /dev/null), a cmdlet that would ask stops with a ConfirmationRequired error that says to add -Force or
/// -Confirm:$false, and sends nothing.
/// </summary>
public sealed class ConfirmationTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    private const string ComponentBuild = "arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0/1";
    private const string ImageBuild = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0/3";

    public ConfirmationTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1; // the host throws when asked, as one that cannot prompt does
        _f.Session.Host.Captured.Prompts.Clear();
    }

    /// <summary>The one error of a run: a terminating error inside a script ends its statement and is written.</summary>
    private static ErrorRecord Record(RunResult result) =>
        Assert.Single(result.Errors.Concat(result.Terminating is IContainsErrorRecord t ? new[] { t.ErrorRecord } : Array.Empty<ErrorRecord>()));

    [Fact]
    public void AHostThatCannotAskGetsAnErrorThatSaysHowToGoOnAndNothingIsSent()
    {
        var result = _f.Run($"Remove-IbComponent -EndpointUrl $Endpoint -Arn {ComponentBuild}");
        var record = Record(result);
        Assert.Equal("ConfirmationRequired", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidOperation, record.CategoryInfo.Category);
        Assert.Equal(ComponentBuild, record.TargetObject);
        Assert.Contains("Add -Force or -Confirm:$false", record.Exception.Message);
        Assert.Contains("Nothing was changed", record.Exception.Message);
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void ForceOrConfirmFalseGoesAheadWithoutAsking()
    {
        _f.Server.Default = _ => CannedResponse.Json($"{{\"requestId\":\"r\",\"componentBuildVersionArn\":\"{ComponentBuild}\"}}");
        _f.Run($"Remove-IbComponent -EndpointUrl $Endpoint -Arn {ComponentBuild} -Force").AssertSuccess();
        _f.Run($"Remove-IbComponent -EndpointUrl $Endpoint -Arn {ComponentBuild} -Confirm:$false").AssertSuccess();
        Assert.Equal(new[] { "DELETE", "DELETE" }, _f.Server.Requests.Select(r => r.Method));
    }

    [Fact]
    public void StopIbImageAsksBeforeItCancelsABuild()
    {
        var asked = _f.Run($"Stop-IbImage -EndpointUrl $Endpoint -Arn {ImageBuild}");
        Assert.Equal("ConfirmationRequired", Record(asked).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("-Force", Record(asked).Exception.Message);
        Assert.Empty(_f.Server.Requests);

        _f.Server.Default = _ => CannedResponse.Json($"{{\"requestId\":\"r\",\"imageBuildVersionArn\":\"{ImageBuild}\"}}");
        _f.Run($"Stop-IbImage -EndpointUrl $Endpoint -Arn {ImageBuild} -Force").AssertSuccess();
        Assert.Equal("/CancelImageCreation", _f.Server.SingleRequest().Path);
    }

    [Fact]
    public void AMediumImpactCmdletThatDoesNotAskIsNotStopped()
    {
        _f.Server.Default = _ => CannedResponse.Json($"{{\"requestId\":\"r\",\"imageBuildVersionArn\":\"{ImageBuild}\"}}");
        _f.Run($"Restart-IbImageDistribution -EndpointUrl $Endpoint -Arn {ImageBuild}").AssertSuccess();
        Assert.Equal("/RetryImage", _f.Server.Requests.First().Path);
        Assert.Empty(_f.Session.Host.Captured.Prompts);
    }
}

/// <summary>The same in real pwsh, as SSM Run Command and scheduled tasks run scripts.</summary>
public sealed class ConfirmationInRealPwshTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public ConfirmationInRealPwshTests(EmulatorFixture fixture) => _f = fixture;

    private const string Script = """
        $doc = "name: c`nschemaVersion: 1.0`nphases:`n  - name: build`n    steps:`n      - name: s`n        action: ExecuteBash`n        inputs:`n          commands: [ 'echo hi' ]`n"
        $null = New-IbComponent -Name NAME -SemanticVersion 1.0.0 -Platform Linux -Data $doc -ErrorAction Stop
        try { Get-IbComponent -Name NAME | Remove-IbComponent } catch { "id=$($_.FullyQualifiedErrorId)"; "message=$($_.Exception.Message)" }
        "left=$(@(Get-IbComponent -Name NAME).Count)"
        Get-IbComponent -Name NAME | Remove-IbComponent -Force
        "forced=$(@(Get-IbComponent -Name NAME).Count)"
        """;

    [Theory]
    [InlineData("noninteractive", true, false)]
    [InlineData("stdin-null", false, true)]
    public void ARemoveInAScriptNobodyWatchesFailsClearlyAndChangesNothing(string name, bool nonInteractive, bool stdinFromNull)
    {
        var result = RealPwsh.RunFile(Script.Replace("NAME", "confirm-" + name), _f.Emulator.Url, nonInteractive: nonInteractive, stdinFromNull: stdinFromNull);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.Contains("id=ConfirmationRequired,", result.StdOut);
        Assert.Contains("-Force or -Confirm:$false", result.StdOut);
        Assert.Contains("left=1", result.StdOut);
        Assert.Contains("forced=0", result.StdOut);
        Assert.DoesNotContain("Read and Prompt", result.StdOut + result.StdErr);
        Assert.DoesNotContain("Object reference", result.StdOut + result.StdErr);
    }
}
