using System.Text.Json;
using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Behaviour;

/// <summary>Scan finding aggregations: at every level the rows add up to the total of the level above.</summary>
public sealed class ScanAggregationTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly ImageBuilderEmulator _emulator;
    private readonly RawClient _client;

    public ScanAggregationTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
        _client = new RawClient(_emulator.Url);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Every row of an aggregation (all pages): its aggregation type and each row's severity counts.</summary>
    private async Task<(string Type, List<JsonElement> Counts)> Aggregate(string? filter, string? value)
    {
        var counts = new List<JsonElement>();
        string? type = null, token = null;
        do
        {
            var body = new Dictionary<string, object>();
            if (filter is not null) body["filter"] = new { name = filter, values = new[] { value } };
            if (token is not null) body["nextToken"] = token;
            var page = await _client.RestJsonAsync("POST", "/ListImageScanFindingAggregations", JsonSerializer.Serialize(body));
            Assert.True(page.Status == 200, page.Body);
            type = page.Json.GetProperty("aggregationType").GetString();
            counts.AddRange(page.Json.GetProperty("responses").EnumerateArray().Select(r => r.EnumerateObject().Single().Value.GetProperty("severityCounts").Clone()));
            token = page.Json.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        return (type!, counts);
    }

    private static long Sum(IEnumerable<JsonElement> counts, string severity) => counts.Sum(c => c.GetProperty(severity).GetInt64());

    [Fact]
    public async Task Findings_of_images_built_without_a_pipeline_count_at_every_level()
    {
        var images = _emulator.SeedImages(2, "no-pipeline");
        _emulator.SeedScanFindings(images[0], 30);
        _emulator.SeedScanFindings(images[1], 20);

        var (accountType, account) = await Aggregate(null, null);
        var (byImageType, byImage) = await Aggregate("accountId", _emulator.AccountId);
        var (byVulnerabilityType, byVulnerability) = await Aggregate("imageBuildVersionArn", images[0]);

        Assert.Equal("accountId", accountType);
        Assert.Equal(50, Sum(account, "all"));
        Assert.Equal("imageBuildVersionArn", byImageType);
        foreach (var severity in new[] { "all", "critical", "high", "medium" })
        {
            Assert.Equal(Sum(account, severity), Sum(byImage, severity));
        }
        Assert.Equal("vulnerabilityId", byVulnerabilityType);
        Assert.Equal(30, Sum(byVulnerability, "all"));
    }
}
