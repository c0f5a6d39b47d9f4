using System.Diagnostics;
using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Faults;

/// <summary>
/// Credentials that fail or never come: a blank -ProfileName is refused, a failing credential_process is reported
/// naming the profile and the process, and a silent STS ends at the call's limit or at once on Ctrl+C.
/// </summary>
public sealed class CredentialFaultTests : IClassFixture<LoopbackFixture>, IDisposable
{
    private readonly LoopbackFixture _f;
    private readonly ManualResetEventSlim _release = new();
    private readonly string _config;

    public CredentialFaultTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _config = Path.Combine(TestEnvironment.Home, $"credential-faults-{Guid.NewGuid():N}.ini");
        File.WriteAllText(_config, """
            [base]
            aws_access_key_id = AKIDBASEONLY
            aws_secret_access_key = base-secret-never-real
            [role]
            role_arn = arn:aws:iam::123456789012:role/builder
            source_profile = base
            region = us-east-1
            [proc]
            credential_process = sh -c "echo the token has expired >&2; exit 3"
            """);
    }

    public void Dispose()
    {
        _release.Set();
        _f.Run("Remove-Variable IbTimeoutSeconds -Scope Global -ErrorAction Ignore");
        File.Delete(_config);
        _release.Dispose();
    }

    private Dictionary<string, object?> Vars() => new() { ["Endpoint"] = _f.Server.Url, ["File"] = _config };

    [Theory]
    [InlineData("'  '")]
    [InlineData("''")]
    public void A_blank_profile_name_is_refused_like_a_missing_profile(string name)
    {
        var result = _f.Run($"Get-IbImage -EndpointUrl $Endpoint -ProfileName {name}");

        var record = Assert.Single(result.Errors);
        Assert.Equal("ParameterInvalid", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("ProfileName", record.TargetObject);
        Assert.Contains("-ProfileName is blank", record.Exception.Message);
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void A_failing_credential_process_is_reported_with_the_profile_the_process_and_its_exit_code()
    {
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -ProfileName proc -ProfileLocation $File", Vars());

        var error = Assert.Single(result.Errors);
        Assert.Equal("CredentialsUnavailable", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        var message = error.ErrorDetails.Message;
        Assert.Contains("profile 'proc'", message);
        Assert.Contains("credential_process 'sh -c", message);
        Assert.Contains("exit value 3", message);
        Assert.Contains("the token has expired", message);
        Assert.Empty(_f.Server.Requests);
    }

    /// <summary>The SDK's STS client is pointed at the listener, which takes AssumeRole and never answers.</summary>
    private void SilentSts()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", _f.Server.Url);
        _f.Server.Default = request =>
        {
            _release.Wait(TimeSpan.FromSeconds(60));
            return new CannedResponse(200);
        };
    }

    [Fact]
    public void A_silent_sts_ends_at_the_limit_with_an_error_naming_the_profile_and_the_role()
    {
        SilentSts();
        try
        {
            var watch = Stopwatch.StartNew();
            var result = _f.Run("$global:IbTimeoutSeconds = 2; Get-IbImage -EndpointUrl $Endpoint -ProfileName role -ProfileLocation $File", Vars());

            var error = Assert.Single(result.Errors);
            Assert.Equal("CredentialsTimedOut", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("profile 'role'", error.ErrorDetails.Message);
            Assert.Contains("arn:aws:iam::123456789012:role/builder through STS", error.ErrorDetails.Message);
            Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 10);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", null);
        }
    }

    [Fact]
    public void Ctrl_c_during_a_silent_assume_role_returns_at_once()
    {
        SilentSts();
        try
        {
            var (result, latency) = _f.Session.RunAndStop("Get-IbImage -EndpointUrl $Endpoint -ProfileName role -ProfileLocation $File",
                () => !_f.Server.Requests.IsEmpty, Vars());

            Assert.Contains("AssumeRole", _f.Server.Requests.First().BodyText);
            Assert.True(latency < TimeSpan.FromSeconds(2), $"stopped after {latency}");
            Assert.Empty(result.Errors);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", null);
        }
    }
}
