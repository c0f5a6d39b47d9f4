using System.Text.Json;
using ImageBuilder.PS.Generator;
using ImageBuilder.PS.Protocol;
using ImageBuilder.PS.UnitTests.Support;

namespace ImageBuilder.PS.UnitTests.Protocol;

/// <summary>One case of AWS's protocol vectors with the model it was written against.</summary>
public sealed record VectorCase(string Id, LoadedModel Model, OperationDef Operation, JsonElement Case);

/// <summary>Reads ../shared/protocol-tests and honours its ignore list (the cases botocore itself skips).</summary>
public static class ProtocolVectors
{
    private static readonly Dictionary<string, List<VectorCase>> Loaded = new();

    public static IEnumerable<object[]> CaseIds(string direction, string protocol)
    {
        if (SharedData.Folder is null)
        {
            yield return new object[] { "(protocol vectors not present)" };
            yield break;
        }
        foreach (var c in Cases(direction, protocol))
        {
            yield return new object[] { c.Id };
        }
    }

    public static VectorCase Find(string direction, string protocol, string id) =>
        Cases(direction, protocol).Single(c => c.Id == id);

    public static IReadOnlyList<VectorCase> Cases(string direction, string protocol)
    {
        lock (Loaded)
        {
            var key = direction + "/" + protocol;
            if (!Loaded.TryGetValue(key, out var cases))
            {
                Loaded[key] = cases = Load(direction, protocol);
            }
            return cases;
        }
    }

    private static List<VectorCase> Load(string direction, string protocol)
    {
        var ignored = IgnoreList(direction, protocol);
        var file = SharedData.PathTo("protocol-tests", direction, protocol + ".json")!;
        var suites = JsonDocument.Parse(File.ReadAllBytes(file)).RootElement;
        var cases = new List<VectorCase>();
        foreach (var suite in suites.EnumerateArray())
        {
            if (ignored.Suites.Contains(suite.GetProperty("description").GetString()!))
            {
                continue;
            }
            foreach (var c in suite.GetProperty("cases").EnumerateArray())
            {
                var id = c.GetProperty("id").GetString()!;
                if (ignored.Cases.Contains(id))
                {
                    continue;
                }
                var given = c.GetProperty("given");
                var model = ModelLoader.Load(suite.GetProperty("metadata"), suite.GetProperty("shapes"), new[] { given });
                cases.Add(new VectorCase(id, model, model.Operations[0], c));
            }
        }
        return cases;
    }

    private sealed record Ignored(HashSet<string> Suites, HashSet<string> Cases);

    private static Ignored IgnoreList(string direction, string protocol)
    {
        var root = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathTo("protocol-tests", "protocol-tests-ignore-list.json")!)).RootElement;
        var suites = new HashSet<string>();
        var cases = new HashSet<string>();
        if (root.GetProperty("general").TryGetProperty(direction, out var general) && general.TryGetProperty("suites", out var generalSuites))
        {
            suites.UnionWith(generalSuites.EnumerateArray().Select(s => s.GetString()!));
        }
        if (root.GetProperty("protocols").TryGetProperty(protocol, out var forProtocol) && forProtocol.TryGetProperty(direction, out var forDirection))
        {
            if (forDirection.TryGetProperty("cases", out var list)) cases.UnionWith(list.EnumerateArray().Select(s => s.GetString()!));
            if (forDirection.TryGetProperty("suites", out var suiteList)) suites.UnionWith(suiteList.EnumerateArray().Select(s => s.GetString()!));
        }
        return new Ignored(suites, cases);
    }
}
