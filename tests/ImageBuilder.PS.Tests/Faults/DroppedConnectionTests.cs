using System.Management.Automation;
using System.Text.RegularExpressions;
using ImageBuilder.PS.Emulator;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Faults;

/// <summary>
/// Answers that break off after their status line (the emulator's DropConnection): each re-send is an attempt
/// like any other, counted against AWS_MAX_ATTEMPTS (3 in the tests) and written to -Verbose. AWSSDK.Core would
/// otherwise re-send such a call up to 10 more times at once, unseen, taking the break for a stale connection.
/// </summary>
public sealed class DroppedConnectionTests : IClassFixture<EmulatorFixture>, IClassFixture<LoopbackFixture>, IDisposable
{
    private readonly EmulatorFixture _emulator;
    private readonly LoopbackFixture _loopback;

    public DroppedConnectionTests(EmulatorFixture emulator, LoopbackFixture loopback)
    {
        _emulator = emulator;
        _emulator.Emulator.Reset();
        _loopback = loopback;
        _loopback.Server.Reset();
    }

    public void Dispose() => _emulator.Emulator.ClearFaults();

    private const string NewComponent = "New-IbComponent -EndpointUrl $Endpoint -Name dropped -SemanticVersion 1.0.0 -Platform Linux -Data x -SkipValidation";

    [Fact]
    public void Two_dropped_connections_are_two_retries_in_verbose()
    {
        var created = _emulator.Run("(New-IbInfrastructureConfiguration -Name dropped -InstanceProfileName profile).Arn");
        created.AssertSuccess();
        _emulator.Emulator.AddFault(new FaultRule { Operation = "GetInfrastructureConfiguration", Kind = FaultKind.DropConnection, Count = 2 });

        var result = _emulator.Run("Get-IbInfrastructureConfiguration -Arn $Arn -Verbose", new Dictionary<string, object?> { ["Arn"] = created.Output.Single().ToString() });

        result.AssertSuccess();
        Assert.Equal("dropped", result.Single<Model.Ib.InfrastructureConfiguration>().Name);
        var retries = result.Verbose.Select(v => v.Message).Where(m => m.StartsWith("GetInfrastructureConfiguration: attempt", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        for (var attempt = 2; attempt <= 3; attempt++)
        {
            Assert.Matches(new Regex($@"^GetInfrastructureConfiguration: attempt {attempt} of at most 3, [0-9.]+ s after attempt {attempt - 1} failed: " +
                @"the answer \(HTTP 500\) broke off: The response ended prematurely"), retries[attempt - 2]);
        }
    }

    [Fact]
    public void Dropped_connections_use_up_the_attempts_with_one_client_token_and_the_error_names_it()
    {
        _loopback.Server.Default = _ => CannedResponse.BrokenOff();

        var result = _loopback.Run(NewComponent + " -Verbose");

        var requests = _loopback.Server.Requests.ToList();
        Assert.Equal(3, requests.Count); // AWS_MAX_ATTEMPTS=3 in the test environment
        var token = Assert.Single(requests.Select(r => r.Json.GetProperty("clientToken").GetString()).Distinct());
        Assert.Equal(2, result.Verbose.Count(v => v.Message.StartsWith("CreateComponent: attempt", StringComparison.Ordinal)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("ConnectionFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        var message = error.ErrorDetails.Message;
        Assert.StartsWith($"CreateComponent got no answer from {_loopback.Server.Url}", message);
        Assert.Contains("The response ended prematurely", message);
        Assert.Contains("may have been applied", message);
        Assert.Contains($"-ClientToken {token} is safe", message);
    }

    [Fact]
    public void Ctrl_c_stops_a_call_whose_answers_break_off_at_once()
    {
        var first = default(DateTime?);
        _loopback.Server.Default = _ =>
        {
            first ??= DateTime.UtcNow;
            return CannedResponse.BrokenOff();
        };

        // Stopped after the first answer broke off: in the back-off before the next attempt, or in it.
        var (result, latency) = _loopback.Session.RunAndStop("Get-IbImage -EndpointUrl $Endpoint",
            () => first is { } at && DateTime.UtcNow - at > TimeSpan.FromMilliseconds(300),
            new Dictionary<string, object?> { ["Endpoint"] = _loopback.Server.Url });

        Assert.True(latency < TimeSpan.FromSeconds(3), $"stopping took {latency}");
        Assert.IsAssignableFrom<PipelineStoppedException>(result.Terminating);
        Assert.Empty(result.Errors);
    }
}
