using System.Diagnostics;
using System.Text.Json;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Behaviour;

/// <summary>Arranged faults: throttling with and without a code, 5xx, slow answers, dropped connections, by count, rate or always.</summary>
public sealed class FaultTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly ImageBuilderEmulator _emulator;
    private readonly RawClient _client;

    public FaultTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
        _client = new RawClient(_emulator.Url);
    }

    public void Dispose()
    {
        _emulator.ClearFaults();
        _client.Dispose();
    }

    private Task<RawResponse> ListImages() => _client.RestJsonAsync("POST", "/ListImages", "{\"owner\": \"Amazon\"}");

    [Fact]
    public async Task A_counted_throttle_passes_after_its_count()
    {
        _emulator.AddFault(new FaultRule { Operation = "ListImages", Kind = FaultKind.Throttle, Count = 2 });

        var first = await ListImages();
        var second = await ListImages();
        var third = await ListImages();

        Assert.Equal((429, "CallRateLimitExceededException"), (first.Status, first.ErrorType));
        Assert.Equal(429, second.Status);
        Assert.Equal(200, third.Status);
    }

    [Fact]
    public async Task A_bare_throttle_has_no_error_code()
    {
        _emulator.AddFault(new FaultRule { Kind = FaultKind.ThrottleWithoutCode, Count = 1 });

        var response = await ListImages();

        Assert.Equal(429, response.Status);
        Assert.Null(response.ErrorType);
        Assert.Equal(200, (await ListImages()).Status);
    }

    [Fact]
    public async Task Awsjson_throttles_with_ThrottlingException()
    {
        _emulator.AddFault(new FaultRule { Operation = "DescribeImages", Kind = FaultKind.Throttle, Count = 1 });

        var response = await _client.AwsJsonAsync("PhotonAdminProxyService.DescribeImages", "{}");

        Assert.Equal(429, response.Status);
        Assert.Equal("ThrottlingException", response.Json.GetProperty("__type").GetString());
    }

    [Theory]
    [InlineData(500, "ServiceException")]
    [InlineData(503, "ServiceUnavailableException")]
    [InlineData(502, "InternalFailure")]
    public async Task Server_errors_carry_their_status(int status, string code)
    {
        _emulator.AddFault(new FaultRule { Operation = "ListImages", Kind = FaultKind.ServerError, StatusCode = status, Count = 1 });

        var response = await ListImages();

        Assert.Equal((status, code), (response.Status, response.ErrorType));
    }

    [Fact]
    public async Task Other_operations_are_untouched()
    {
        _emulator.AddFault(new FaultRule { Operation = "GetImage", Kind = FaultKind.ServerError });

        Assert.Equal(200, (await ListImages()).Status);
    }

    [Fact]
    public async Task A_slow_answer_arrives_late()
    {
        _emulator.AddFault(new FaultRule { Operation = "ListImages", Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(600), Count = 1 });

        var watch = Stopwatch.StartNew();
        var response = await ListImages();

        Assert.Equal(200, response.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(550), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_dropped_connection_gets_no_answer()
    {
        _emulator.AddFault(new FaultRule { Operation = "ListImages", Kind = FaultKind.DropConnection, Count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(ListImages);
        Assert.Equal(200, (await ListImages()).Status);
    }

    [Fact]
    public async Task A_rate_fails_about_that_share_of_calls()
    {
        _emulator.AddFault(new FaultRule { Operation = "ListImages", Kind = FaultKind.ServerError, Rate = 0.5 });

        int failed = 0;
        for (int i = 0; i < 100; i++)
        {
            if ((await ListImages()).Status == 500) failed++;
        }

        Assert.InRange(failed, 30, 70);
    }

    [Fact]
    public async Task Faults_can_be_set_over_http()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_emulator.Url) };
        var set = await http.PostAsync("/_emulator/faults", new StringContent("{\"operation\":\"ListImages\",\"kind\":\"throttle\",\"count\":1}"));
        Assert.Equal(200, (int)set.StatusCode);

        Assert.Equal(429, (await ListImages()).Status);
        Assert.Equal(200, (await ListImages()).Status);

        var bad = await http.PostAsync("/_emulator/faults", new StringContent("{\"kind\":\"earthquake\"}"));
        Assert.Equal(400, (int)bad.StatusCode);
    }
}

/// <summary>Faults that carry out the call and lose the answer, and control input that is out of range.</summary>
public sealed class AppliedFaultAndControlInputTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly ImageBuilderEmulator _emulator;
    private readonly RawClient _client;
    private readonly HttpClient _http;

    public AppliedFaultAndControlInputTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
        _client = new RawClient(_emulator.Url);
        _http = new HttpClient { BaseAddress = new Uri(_emulator.Url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public void Dispose()
    {
        _emulator.ClearFaults();
        _client.Dispose();
        _http.Dispose();
    }

    private const string CreateBody = "{\"name\":\"applied\",\"instanceProfileName\":\"p\",\"clientToken\":\"drop-1\"}";

    [Fact]
    public async Task Drop_after_apply_does_the_work_and_loses_the_answer()
    {
        _emulator.AddFault(new FaultRule { Operation = "CreateInfrastructureConfiguration", Kind = FaultKind.DropAfterApply, Count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => _client.RestJsonAsync("PUT", "/CreateInfrastructureConfiguration", CreateBody));

        var list = await _client.RestJsonAsync("POST", "/ListInfrastructureConfigurations", "{}");
        Assert.Single(list.Json.GetProperty("infrastructureConfigurationSummaryList").EnumerateArray());
        // The retry with the same token gets the first result, not a second resource or "already exists".
        var retry = await _client.RestJsonAsync("PUT", "/CreateInfrastructureConfiguration", CreateBody);
        Assert.Equal(200, retry.Status);
        list = await _client.RestJsonAsync("POST", "/ListInfrastructureConfigurations", "{}");
        Assert.Single(list.Json.GetProperty("infrastructureConfigurationSummaryList").EnumerateArray());
    }

    [Fact]
    public async Task Drop_after_apply_is_set_over_http()
    {
        var set = await _http.PostAsync("/_emulator/faults", new StringContent("{\"operation\":\"CreateInfrastructureConfiguration\",\"kind\":\"DropAfterApply\",\"count\":1}"));
        Assert.Equal(200, (int)set.StatusCode);

        await Assert.ThrowsAsync<HttpRequestException>(() => _client.RestJsonAsync("PUT", "/CreateInfrastructureConfiguration", CreateBody));
        Assert.Equal(1, (await _client.RestJsonAsync("POST", "/ListInfrastructureConfigurations", "{}")).Json.GetProperty("infrastructureConfigurationSummaryList").GetArrayLength());
    }

    [Theory]
    [InlineData("/_emulator/faults", "{\"kind\":\"Slow\",\"delayMs\":-5}", "delayMs")]
    [InlineData("/_emulator/faults", "{\"kind\":\"Slow\",\"delayMs\":1e300}", "delayMs")]
    [InlineData("/_emulator/faults", "{\"kind\":\"Slow\",\"delayMs\":\"soon\"}", "delayMs")]
    [InlineData("/_emulator/faults", "{\"kind\":\"7\"}", "kind")]
    [InlineData("/_emulator/clock/advance", "{\"seconds\":1e308}", "seconds")]
    [InlineData("/_emulator/clock/advance", "{\"seconds\":-1}", "seconds")]
    public async Task Out_of_range_control_input_is_a_400_with_a_message_and_breaks_nothing(string path, string body, string named)
    {
        var response = await _http.PostAsync(path, new StringContent(body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(named, JsonDocument.Parse(text).RootElement.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        var faults = JsonDocument.Parse(await _http.GetStringAsync("/_emulator/faults")).RootElement.GetProperty("faults");
        Assert.Equal(0, faults.GetArrayLength());
        Assert.Equal(200, (await _client.RestJsonAsync("POST", "/ListImages", "{\"owner\":\"Amazon\"}")).Status);
    }

    [Fact]
    public async Task A_rule_with_an_impossible_delay_is_refused_in_process_too()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _emulator.AddFault(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(-5) }));
        Assert.Equal(200, (await _client.RestJsonAsync("POST", "/ListImages", "{\"owner\":\"Amazon\"}")).Status);
    }

    [Theory]
    [InlineData("PhotonAdminProxyService.DescribeImages", "ValidationException")]
    [InlineData("WorkspacesService.DescribeWorkspaceImages", "InvalidParameterValuesException")]
    public async Task A_bad_paging_token_is_refused_in_the_service_own_words(string target, string code)
    {
        var response = await _client.AwsJsonAsync(target, "{\"NextToken\":\"bm90LW91cnM\"}");

        Assert.Equal((400, code), (response.Status, response.Json.GetProperty("__type").GetString()));
    }

    [Theory]
    [InlineData("PhotonAdminProxyService.DescribeImages", 500, "InternalFailure")]
    [InlineData("WorkspacesService.DescribeWorkspaceImages", 500, "InternalFailure")]
    [InlineData("WorkspacesService.DescribeWorkspaceImages", 503, "ServiceUnavailable")]
    public async Task An_arranged_server_error_uses_the_protocol_common_codes(string target, int status, string code)
    {
        _emulator.AddFault(new FaultRule { Kind = FaultKind.ServerError, StatusCode = status, Count = 1 });

        var response = await _client.AwsJsonAsync(target, "{}");

        Assert.Equal((status, code), (response.Status, response.Json.GetProperty("__type").GetString()));
    }

    [Fact]
    public async Task A_distribution_to_a_region_that_does_not_exist_is_refused()
    {
        var response = await _client.RestJsonAsync("PUT", "/CreateDistributionConfiguration",
            "{\"name\":\"far\",\"clientToken\":\"d1\",\"distributions\":[{\"region\":\"mars-1\",\"amiDistributionConfiguration\":{}}]}");

        Assert.Equal((400, "InvalidParameterValueException"), (response.Status, response.ErrorType));
        Assert.Contains("mars-1", response.Body);
    }
}
