using System.Text.Json;
using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Behaviour;

/// <summary>The control API (C# and HTTP), volume seeding and paging through it, arranged import failures, persistence.</summary>
public sealed class ControlAndStateTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly ImageBuilderEmulator _emulator;
    private readonly RawClient _client;

    public ControlAndStateTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
        _client = new RawClient(_emulator.Url);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Reset_forgets_everything_but_Amazons_resources()
    {
        var created = await _client.RestJsonAsync("PUT", "/CreateInfrastructureConfiguration", "{\"name\":\"temp\",\"instanceProfileName\":\"p\",\"clientToken\":\"t1\"}");
        Assert.Equal(200, created.Status);

        _emulator.Reset();

        var mine = await _client.RestJsonAsync("POST", "/ListInfrastructureConfigurations", "{}");
        Assert.Equal(0, mine.Json.GetProperty("infrastructureConfigurationSummaryList").GetArrayLength());
        var amazon = await _client.RestJsonAsync("POST", "/ListComponents", "{\"owner\":\"Amazon\"}");
        Assert.True(amazon.Json.GetProperty("componentVersionList").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task A_hundred_thousand_findings_seed_quickly_and_page_in_full()
    {
        var image = _emulator.SeedImages(1, "scanned")[0];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(100_000, _emulator.SeedScanFindings(image, 100_000));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"seeding took {watch.Elapsed}");

        // Page through a slice far into the listing: each page costs the same wherever it is.
        string? token = null;
        int seen = 0, pages = 0;
        watch.Restart();
        do
        {
            var body = token is null
                ? $"{{\"filters\":[{{\"name\":\"imageBuildVersionArn\",\"values\":[\"{image}\"]}}],\"maxResults\":25}}"
                : $"{{\"filters\":[{{\"name\":\"imageBuildVersionArn\",\"values\":[\"{image}\"]}}],\"maxResults\":25,\"nextToken\":\"{token}\"}}";
            var page = await _client.RestJsonAsync("POST", "/ListImageScanFindings", body);
            Assert.Equal(200, page.Status);
            seen += page.Json.GetProperty("findings").GetArrayLength();
            token = page.Json.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 400);
        Assert.Equal(400 * 25, seen);

        var aggregation = await _client.RestJsonAsync("POST", "/ListImageScanFindingAggregations", "{}");
        Assert.Equal(100_000, aggregation.Json.GetProperty("responses")[0].GetProperty("accountAggregation").GetProperty("severityCounts").GetProperty("all").GetInt64());
    }

    [Fact]
    public async Task Seeded_images_page_with_opaque_tokens()
    {
        _emulator.SeedImages(120, "paged");
        var arns = new List<string>();
        string? token = null;
        do
        {
            var page = await _client.RestJsonAsync("POST", "/ListImages", token is null ? "{\"maxResults\":25}" : $"{{\"maxResults\":25,\"nextToken\":\"{token}\"}}");
            arns.AddRange(page.Json.GetProperty("imageVersionList").EnumerateArray().Select(i => i.GetProperty("arn").GetString()!));
            token = page.Json.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(120, arns.Count);
        Assert.Equal(120, arns.Distinct().Count());
    }

    [Fact]
    public async Task Twenty_thousand_images_page_through_in_full()
    {
        _emulator.SeedImages(20_000, "volume");
        var seen = new HashSet<string>();
        string? token = null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            var page = await _client.RestJsonAsync("POST", "/ListImages", token is null ? "{}" : $"{{\"nextToken\":\"{token}\"}}");
            foreach (var image in page.Json.GetProperty("imageVersionList").EnumerateArray())
            {
                Assert.True(seen.Add(image.GetProperty("arn").GetString()!));
            }
            token = page.Json.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(20_000, seen.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"800 pages took {watch.Elapsed}");
    }

    [Fact]
    public async Task Control_endpoints_answer_in_json()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_emulator.Url) };
        var state = JsonDocument.Parse(await http.GetStringAsync("/_emulator/state")).RootElement;
        Assert.Equal(_emulator.AccountId, state.GetProperty("accountId").GetString());

        var clock = await http.PostAsync("/_emulator/clock", new StringContent("{\"mode\":\"stepped\"}"));
        Assert.Equal(200, (int)clock.StatusCode);
        var before = _emulator.Now;
        var advanced = await http.PostAsync("/_emulator/clock/advance", new StringContent("{\"seconds\":3600}"));
        Assert.Equal(200, (int)advanced.StatusCode);
        Assert.Equal(before.AddHours(1), _emulator.Now);

        var seeded = JsonDocument.Parse(await (await http.PostAsync("/_emulator/seed/images", new StringContent("{\"count\":3,\"name\":\"over-http\"}"))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3, seeded.GetProperty("imageBuildVersionArns").GetArrayLength());

        Assert.Equal(404, (int)(await http.GetAsync("/_emulator/nothing")).StatusCode);
        Assert.Equal(400, (int)(await http.PostAsync("/_emulator/seed/images", new StringContent("{\"count\":0}"))).StatusCode);
        Assert.Equal(400, (int)(await http.PostAsync("/_emulator/clock", new StringContent("not json"))).StatusCode);
        Assert.Equal(200, (int)(await http.PostAsync("/_emulator/reset", null)).StatusCode);
        Assert.Equal(ClockMode.Real, _emulator.ClockMode);
    }

    [Fact]
    public async Task Imports_can_be_made_to_fail()
    {
        _emulator.SetClock(ClockMode.Stepped);
        _emulator.ArrangeFailure(new ArrangedFailure { Target = FailureTarget.AppStreamImport, Stage = "VALIDATING", Reason = "The image has no AppStream agent." });
        _emulator.ArrangeFailure(new ArrangedFailure { Target = FailureTarget.WorkSpacesImport, Stage = "PENDING" });

        var appstream = await _client.AwsJsonAsync("PhotonAdminProxyService.CreateImportedImage",
            "{\"Name\":\"broken\",\"SourceAmiId\":\"ami-0123456789abcdef0\",\"IamRoleArn\":\"arn:aws:iam::123456789012:role/r\"}");
        Assert.Equal(200, appstream.Status);
        var workspaces = await _client.AwsJsonAsync("WorkspacesService.ImportWorkspaceImage",
            "{\"Ec2ImageId\":\"ami-0123456789abcdef0\",\"IngestionProcess\":\"BYOL_REGULAR\",\"ImageName\":\"broken\",\"ImageDescription\":\"x\"}");
        var id = workspaces.Json.GetProperty("ImageId").GetString();

        _emulator.AdvanceClock(_emulator.StageDuration * 4);

        var image = (await _client.AwsJsonAsync("PhotonAdminProxyService.DescribeImages", "{\"Names\":[\"broken\"]}")).Json.GetProperty("Images")[0];
        Assert.Equal("FAILED", image.GetProperty("State").GetString());
        Assert.Equal("The image has no AppStream agent.", image.GetProperty("StateChangeReason").GetProperty("Message").GetString());
        var workspace = (await _client.AwsJsonAsync("WorkspacesService.DescribeWorkspaceImages", $"{{\"ImageIds\":[\"{id}\"]}}")).Json.GetProperty("Images")[0];
        Assert.Equal("ERROR", workspace.GetProperty("State").GetString());
    }

    [Fact]
    public async Task A_state_file_keeps_resources_across_restarts()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ibps-emulator-{Guid.NewGuid():N}.json");
        try
        {
            string arn;
            await using (var first = await ImageBuilderEmulator.StartAsync(new EmulatorOptions { StateFile = file }))
            {
                using var client = new RawClient(first.Url);
                var created = await client.RestJsonAsync("PUT", "/CreateInfrastructureConfiguration", "{\"name\":\"kept\",\"instanceProfileName\":\"p\",\"tags\":{\"a\":\"b\"},\"clientToken\":\"t\"}");
                arn = created.Json.GetProperty("infrastructureConfigurationArn").GetString()!;
                first.SeedImages(2, "kept-image");
            }
            Assert.True(File.Exists(file));

            await using var second = await ImageBuilderEmulator.StartAsync(new EmulatorOptions { StateFile = file });
            using var again = new RawClient(second.Url);
            var got = await again.RestJsonAsync("GET", "/GetInfrastructureConfiguration?infrastructureConfigurationArn=" + Uri.EscapeDataString(arn));
            Assert.Equal(200, got.Status);
            Assert.Equal("b", got.Json.GetProperty("infrastructureConfiguration").GetProperty("tags").GetProperty("a").GetString());
            var images = await again.RestJsonAsync("POST", "/ListImages", "{}");
            Assert.Equal(2, images.Json.GetProperty("imageVersionList").GetArrayLength());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
