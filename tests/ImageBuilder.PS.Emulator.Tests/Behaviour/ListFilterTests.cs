using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Behaviour;

/// <summary>The filters the model documents for each List operation, and the combinations the service refuses.</summary>
public sealed class ListFilterTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string ComponentYaml = "name: x\\nschemaVersion: 1.0\\nphases:\\n  - name: build\\n    steps:\\n      - name: Run\\n        action: ExecuteBash\\n        inputs:\\n          commands:\\n            - echo hi\\n";
    private readonly RawClient _client;

    public ListFilterTests(EmulatorFixture fixture)
    {
        fixture.Emulator.Reset();
        _client = new RawClient(fixture.Emulator.Url);
    }

    public void Dispose() => _client.Dispose();


    [Fact]
    public async Task Components_filter_by_description()
    {
        foreach (var (name, description) in new[] { ("hardening", "Hardens the OS"), ("logging", "Ships logs") })
        {
            await _client.OkAsync("PUT", "/CreateComponent", $"{{\"name\":\"{name}\",\"semanticVersion\":\"1.0.0\",\"platform\":\"Linux\",\"description\":\"{description}\",\"data\":\"{ComponentYaml}\",\"clientToken\":\"{Guid.NewGuid()}\"}}");
        }

        var listed = await _client.OkAsync("POST", "/ListComponents", "{\"filters\":[{\"name\":\"description\",\"values\":[\"Ships logs\"]}]}");

        var names = listed.Json.GetProperty("componentVersionList").EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal(new[] { "logging" }, names);
    }

    [Theory]
    [InlineData("/ListImages")]
    [InlineData("/ListComponents")]
    public async Task A_version_filter_cannot_go_with_byName(string path)
    {
        var response = await _client.RestJsonAsync("POST", path, "{\"owner\":\"Amazon\",\"byName\":true,\"filters\":[{\"name\":\"version\",\"values\":[\"1.0.0\"]}]}");

        Assert.Equal(400, response.Status);
        Assert.Equal("InvalidRequestException", response.ErrorType);
    }

    [Theory]
    [InlineData("Name", "keep-two")]
    [InlineData("Status", "ENABLED")]
    [InlineData("name", "keep-two")]
    [InlineData("status", "ENABLED")]
    public async Task Lifecycle_policies_filter_by_the_documented_names(string filter, string value)
    {
        await _client.OkAsync("PUT", "/CreateLifecyclePolicy", "{\"name\":\"keep-two\",\"executionRole\":\"LifecycleRole\",\"resourceType\":\"AMI_IMAGE\",\"clientToken\":\"" + Guid.NewGuid() + "\"," +
            "\"policyDetails\":[{\"action\":{\"type\":\"DEPRECATE\"},\"filter\":{\"type\":\"COUNT\",\"value\":2}}],\"resourceSelection\":{\"recipes\":[{\"name\":\"web\",\"semanticVersion\":\"1.0.0\"}]}}");

        var listed = await _client.OkAsync("POST", "/ListLifecyclePolicies", $"{{\"filters\":[{{\"name\":\"{filter}\",\"values\":[\"{value}\"]}}]}}");

        Assert.Equal(1, listed.Json.GetProperty("lifecyclePolicySummaryList").GetArrayLength());
    }
}
