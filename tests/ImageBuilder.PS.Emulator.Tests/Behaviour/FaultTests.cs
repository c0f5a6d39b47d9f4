using System.Diagnostics;
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
