using System.Diagnostics;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Faults;

/// <summary>A server that takes the request and never answers: a clear error after the call's time limit.</summary>
public sealed class SilentServerTests : IClassFixture<LoopbackFixture>, IDisposable
{
    private readonly LoopbackFixture _f;
    private readonly ManualResetEventSlim _release = new();

    public SilentServerTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        // Holds every request until the test ends: the connection is open, no answer comes.
        _f.Server.Default = _ =>
        {
            _release.Wait(TimeSpan.FromSeconds(60));
            return new CannedResponse(200);
        };
    }

    public void Dispose()
    {
        _release.Set();
        _f.Run("Remove-Variable IbTimeoutSeconds -Scope Global -ErrorAction Ignore");
        _release.Dispose();
    }

    [Fact]
    public void A_silent_server_gives_a_timeout_error_naming_the_operation_the_endpoint_and_the_time()
    {
        var watch = Stopwatch.StartNew();
        var result = _f.Run("$global:IbTimeoutSeconds = 2; Get-IbImage -EndpointUrl $Endpoint");
        watch.Stop();

        var error = Assert.Single(result.Errors);
        Assert.Equal("OperationTimedOut", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(System.Management.Automation.ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        var message = error.ErrorDetails.Message;
        Assert.Contains("ListImages", message);
        Assert.Contains(_f.Server.Url, message);
        Assert.Contains("the limit is 2 s", message);
        Assert.Contains("IBPS_TIMEOUT_SECONDS", message);
        Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 10);
    }

    [Fact]
    public void A_timeout_in_a_pipeline_fails_each_item_and_the_pipeline_goes_on()
    {
        var result = _f.Run("$global:IbTimeoutSeconds = 1; 'arn:aws:imagebuilder:us-east-1:123456789012:image/a/1.0.0/1', 'arn:aws:imagebuilder:us-east-1:123456789012:image/b/1.0.0/1' | ForEach-Object { [pscustomobject]@{ Arn = $_ } } | Get-IbImage -EndpointUrl $Endpoint");

        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("OperationTimedOut", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ctrl_c_still_stops_a_silent_call_at_once()
    {
        var (result, latency) = _f.Session.RunAndStop("Get-IbImage -EndpointUrl $Endpoint", () => !_f.Server.Requests.IsEmpty,
            new Dictionary<string, object?> { ["Endpoint"] = _f.Server.Url });

        Assert.True(latency < TimeSpan.FromSeconds(2), $"stopped after {latency}");
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("soon")]
    [InlineData("1e308")]
    public void A_limit_that_cannot_work_is_refused_by_name_before_anything_is_sent(string value)
    {
        var result = _f.Run("$global:IbTimeoutSeconds = $Value; Get-IbImage -EndpointUrl $Endpoint", new Dictionary<string, object?> { ["Value"] = value });

        var error = Assert.Single(result.Errors);
        Assert.Equal("ConnectionSettingsInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("$IbTimeoutSeconds", error.Exception.Message);
        Assert.Empty(_f.Server.Requests);
    }
}
