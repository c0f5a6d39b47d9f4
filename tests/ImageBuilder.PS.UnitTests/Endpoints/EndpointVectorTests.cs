using System.Text.Json;
using ImageBuilder.PS.Endpoints;
using ImageBuilder.PS.Model.AppStream;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Logs;
using ImageBuilder.PS.Model.WorkSpaces;
using ImageBuilder.PS.UnitTests.Support;
using Xunit;

namespace ImageBuilder.PS.UnitTests.Endpoints;

/// <summary>
/// AWS's endpoint vectors, run against the generated endpoint rules, for each service whose vectors are present
/// (the shared folder has none for CloudWatch Logs yet; its rules get a few cases of their own below).
/// </summary>
public sealed class EndpointVectorTests
{
    private static readonly Dictionary<string, Func<string?, bool, bool, string?, string>> Resolvers = new()
    {
        ["imagebuilder"] = IbEndpoints.Resolve,
        ["appstream"] = AppStreamEndpoints.Resolve,
        ["workspaces"] = WorkSpacesEndpoints.Resolve,
        ["logs"] = LogsEndpoints.Resolve,
    };

    public static IEnumerable<object[]> Cases()
    {
        if (SharedData.Folder is null)
        {
            yield return new object[] { "(endpoint vectors not present)", 0 };
            yield break;
        }
        foreach (var service in Resolvers.Keys.Where(HasVectors))
        {
            var count = Load(service).Count;
            for (int i = 0; i < count; i++)
            {
                yield return new object[] { service, i };
            }
        }
    }

    [SkippableTheory, MemberData(nameof(Cases))]
    public void EndpointMatchesTheRules(string service, int index)
    {
        Skip.If(SharedData.Folder is null, "../shared/endpoint-tests is not beside this checkout.");
        var c = Load(service)[index];
        var p = c.TryGetProperty("params", out var ps) ? ps : default;
        string? region = Get(p, "Region")?.GetString();
        bool fips = Get(p, "UseFIPS")?.GetBoolean() ?? false;
        bool dualStack = Get(p, "UseDualStack")?.GetBoolean() ?? false;
        string? endpoint = Get(p, "Endpoint")?.GetString();
        var expect = c.GetProperty("expect");
        if (expect.TryGetProperty("error", out var error))
        {
            var thrown = Assert.Throws<EndpointResolutionException>(() => Resolvers[service](region, fips, dualStack, endpoint));
            Assert.Equal(error.GetString(), thrown.Message);
        }
        else
        {
            Assert.Equal(expect.GetProperty("endpoint").GetProperty("url").GetString(), Resolvers[service](region, fips, dualStack, endpoint));
        }
    }

    [Theory]
    [InlineData("us-east-1", false, false, null, "https://logs.us-east-1.amazonaws.com")]
    [InlineData("us-east-1", true, false, null, "https://logs-fips.us-east-1.amazonaws.com")]
    [InlineData("eu-west-1", false, true, null, "https://logs.eu-west-1.api.aws")]
    [InlineData("cn-north-1", false, false, null, "https://logs.cn-north-1.amazonaws.com.cn")]
    [InlineData("us-east-1", false, false, "http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    public void LogsEndpointsFollowTheirRules(string region, bool fips, bool dualStack, string? custom, string expected) =>
        Assert.Equal(expected, LogsEndpoints.Resolve(region, fips, dualStack, custom));

    private static bool HasVectors(string service) =>
        SharedData.PathTo("endpoint-tests", service + "-endpoint-tests-1.json") is { } path && File.Exists(path);

    private static JsonElement? Get(JsonElement p, string name) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) ? v : null;

    private static List<JsonElement> Load(string service) =>
        JsonDocument.Parse(File.ReadAllBytes(SharedData.PathTo("endpoint-tests", service + "-endpoint-tests-1.json")!))
            .RootElement.GetProperty("testCases").EnumerateArray().ToList();
}
