using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Connection;

/// <summary>What every cmdlet inherits from the base: retries, Ctrl+C, -Verbose and -Debug, credentials.</summary>
public sealed class ConnectionBehaviourTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public ConnectionBehaviourTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    public static IEnumerable<object[]> Throttles() => new[]
    {
        new object[] { new CannedResponse(429, "") },
        new object[] { CannedResponse.Error(400, "ThrottlingException", "Rate exceeded") },
        new object[] { CannedResponse.Error(429, "CallRateLimitExceededException", "Slow down") },
        new object[] { CannedResponse.Error(429, "TooManyRequestsException", "Slow down") },
        new object[] { new CannedResponse(503, "") },
        new object[] { CannedResponse.Error(500, "ServiceException", "Internal error") },
    };

    [Theory, MemberData(nameof(Throttles))]
    public void ThrottlingAndServerErrorsAreRetried(CannedResponse first)
    {
        _f.Server.Enqueue(first, CannedResponse.Json(Samples.ImageVersions(null, "golden")));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint");
        result.AssertSuccess();
        Assert.Equal(2, _f.Server.Requests.Count);
        Assert.Single(result.Output);
    }

    [Fact]
    public void ExhaustedRetriesShowOneErrorAndRetriesKeepTheClientToken()
    {
        _f.Server.Default = _ => CannedResponse.Error(503, "ServiceUnavailableException", "Try later");
        var result = _f.Run("New-IbComponent -EndpointUrl $Endpoint -Name retry -SemanticVersion 1.0.0 -Platform Linux -Data x -SkipValidation");
        var error = Assert.Single(result.Errors);
        Assert.Equal("ServiceUnavailableException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(3, requests.Count); // AWS_MAX_ATTEMPTS=3 in the test environment
        Assert.Single(requests.Select(r => r.Json.GetProperty("clientToken").GetString()).Distinct());
    }

    [Fact]
    public void CtrlCStopsARequestInFlightAtOnce()
    {
        _f.Server.Enqueue(_ =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(20));
            return CannedResponse.Json(Samples.ImageVersions(null, "late"));
        });
        var (result, latency) = _f.Session.RunAndStop("Get-IbImage -EndpointUrl $Endpoint", () => !_f.Server.Requests.IsEmpty,
            new Dictionary<string, object?> { ["Endpoint"] = _f.Server.Url });
        Assert.True(latency < TimeSpan.FromSeconds(3), $"stopping took {latency}");
        Assert.Empty(result.Output);
        Assert.IsAssignableFrom<PipelineStoppedException>(result.Terminating);
    }

    [Fact]
    public void VerboseSaysWhereTheCallWentAndWhy()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.ImageVersions(null)));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Verbose");
        result.AssertSuccess();
        var verbose = string.Join("\n", result.Verbose.Select(v => v.Message));
        Assert.Contains($"imagebuilder calls go to {_f.Server.Url} (from the -EndpointUrl parameter); region us-east-1 from AWS_REGION; credentials from environment variables", verbose);
        Assert.Contains("imagebuilder ListImages", verbose);
    }

    [Fact]
    public void DebugShowsRequestsButNeverSecrets()
    {
        const string secret = "wJalrXUtnFEMI-very-secret-key-000000000";
        const string token = "FwoGZXIvYXdzEXAMPLE-session-token";
        var keys = $"-AccessKey AKIDDEBUG -SecretKey '{secret}' -SessionToken '{token}'";

        // $DebugPreference puts the messages in the debug stream.
        _f.Server.Enqueue(CannedResponse.Json(Samples.Created), CannedResponse.Json(Samples.Component));
        var stream = _f.Run($"$DebugPreference = 'Continue'; New-IbComponent -EndpointUrl $Endpoint -Name dbg -SemanticVersion 1.0.0 -Platform Linux -Data 'phases: []' -SkipValidation {keys}; $DebugPreference = 'SilentlyContinue'");
        stream.AssertSuccess();
        var debug = string.Join("\n", stream.Debug.Select(d => d.Message));
        Assert.Contains("CreateComponent input: {", debug);
        Assert.Contains("\"name\":\"dbg\"", debug);
        Assert.Contains("GetComponent output: {", debug);
        Assert.Equal(token, _f.Server.Requests.First().Header("X-Amz-Security-Token"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDDEBUG/", _f.Server.Requests.First().Header("Authorization"));

        // -Debug shows them in the debug stream without stopping to ask at each one, and leaves verbose messages
        // out unless -Verbose is given too.
        _f.Server.Enqueue(CannedResponse.Json(Samples.Component));
        var shown = _f.Run($"Get-IbComponent -EndpointUrl $Endpoint -Arn {Samples.ComponentBuildArn} {keys} -Debug");
        shown.AssertSuccess();
        Assert.Empty(_f.Session.Host.Captured.Prompts);
        Assert.Contains(shown.Debug, d => d.Message.StartsWith("GetComponent input: {", StringComparison.Ordinal));
        Assert.Empty(shown.Verbose);
        Assert.DoesNotContain("VERBOSE:", shown.HostText);

        _f.Server.Enqueue(CannedResponse.Json(Samples.Component));
        var redirected = _f.Run($"Get-IbComponent -EndpointUrl $Endpoint -Arn {Samples.ComponentBuildArn} -Debug 5>&1 | Where-Object {{ $_ -is [System.Management.Automation.DebugRecord] }}");
        redirected.AssertSuccess();
        Assert.Equal(2, redirected.Output.Count);
        Assert.DoesNotContain("DEBUG:", redirected.HostText);

        _f.Server.Enqueue(CannedResponse.Json(Samples.Component));
        var both = _f.Run($"Get-IbComponent -EndpointUrl $Endpoint -Arn {Samples.ComponentBuildArn} -Debug -Verbose");
        both.AssertSuccess();
        Assert.Empty(_f.Session.Host.Captured.Prompts);
        Assert.Contains(both.Verbose, v => v.Message.StartsWith("imagebuilder GetComponent", StringComparison.OrdinalIgnoreCase) || v.Message.Contains("GetComponent"));

        foreach (var text in new[] { debug, stream.HostText, shown.HostText, string.Join("\n", shown.Verbose.Select(v => v.Message)) })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(token, text);
            Assert.DoesNotContain("Authorization", text);
        }
    }

    [Fact]
    public void ProfilesFromAGivenFileAreUsedAndAMissingProfileIsAnError()
    {
        var file = Path.Combine(TestEnvironment.Home, "profiles-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, "[build]\naws_access_key_id = AKIDPROFILEBUILD\naws_secret_access_key = profile-secret\n");
        _f.Server.Enqueue(CannedResponse.Json(Samples.ImageVersions(null)));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -ProfileName build -ProfileLocation $File -Verbose", new Dictionary<string, object?> { ["File"] = file });
        result.AssertSuccess();
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDPROFILEBUILD/", _f.Server.SingleRequest().Header("Authorization"));
        Assert.Contains(result.Verbose, v => v.Message.Contains("credentials from profile 'build'"));

        _f.Server.Reset();
        var missing = _f.Run("Get-IbImage -EndpointUrl $Endpoint -ProfileName nosuch -ProfileLocation $File", new Dictionary<string, object?> { ["File"] = file });
        Assert.Empty(_f.Server.Requests);
        var record = Assert.Single(missing.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Equal("ProfileName", record.TargetObject);
        Assert.Contains("The profile 'nosuch' was not found", record.Exception.Message);
    }

    [Fact]
    public void HalfAKeyPairIsRefusedByName()
    {
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -AccessKey AKIDONLY");
        Assert.Empty(_f.Server.Requests);
        var record = result.Errors.SingleOrDefault() ?? (result.Terminating as IContainsErrorRecord)?.ErrorRecord;
        Assert.NotNull(record);
        Assert.Equal(ErrorCategory.InvalidArgument, record!.CategoryInfo.Category);
        Assert.Contains("-AccessKey was given without -SecretKey", record.Exception.Message);
    }
}
