using System.Text.Json;
using ImageBuilder.PS.Endpoints;
using ImageBuilder.PS.Model.AppStream;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.WorkSpaces;
using ImageBuilder.PS.UnitTests.Support;
using Xunit;

namespace ImageBuilder.PS.UnitTests.Endpoints;

/// <summary>AWS's endpoint vectors for the three services, run against the generated endpoint rules.</summary>
public sealed class EndpointVectorTests
{
    private static readonly Dictionary<string, Func<string?, bool, bool, string?, string>> Resolvers = new()
    {
        ["imagebuilder"] = IbEndpoints.Resolve,
        ["appstream"] = AppStreamEndpoints.Resolve,
        ["workspaces"] = WorkSpacesEndpoints.Resolve,
    };

    public static IEnumerable<object[]> Cases()
    {
        if (SharedData.Folder is null)
        {
            yield return new object[] { "(endpoint vectors not present)", 0 };
            yield break;
        }
        foreach (var service in Resolvers.Keys)
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

    private static JsonElement? Get(JsonElement p, string name) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) ? v : null;

    private static List<JsonElement> Load(string service) =>
        JsonDocument.Parse(File.ReadAllBytes(SharedData.PathTo("endpoint-tests", service + "-endpoint-tests-1.json")!))
            .RootElement.GetProperty("testCases").EnumerateArray().ToList();
}
