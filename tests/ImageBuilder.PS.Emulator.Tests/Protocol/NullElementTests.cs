using System.Text;
using System.Text.Json.Nodes;
using ImageBuilder.PS.Emulator.Tests.Support;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Tests.Protocol;

/// <summary>
/// A null item in a list or a null value in a map, anywhere in a request body, is a SerializationException (the
/// models' lists and maps are dense), never something a handler trips over.
/// </summary>
public sealed class NullElementTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string Arn = "arn:aws:imagebuilder:us-east-1:123456789012:image/nothing/1.0.0/1";
    private readonly RawClient _client;

    public NullElementTests(EmulatorFixture fixture)
    {
        fixture.Emulator.Reset();
        _client = new RawClient(fixture.Emulator.Url);
    }

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("POST", "/ListImagePipelines", "{\"filters\":[null]}")]
    [InlineData("PUT", "/CreateLifecyclePolicy", "{\"name\":\"p\",\"executionRole\":\"r\",\"resourceType\":\"AMI_IMAGE\",\"clientToken\":\"t\",\"policyDetails\":[{\"action\":{\"type\":\"DELETE\"},\"filter\":{\"type\":\"COUNT\",\"value\":1}}],\"resourceSelection\":{\"recipes\":[null]}}")]
    [InlineData("PUT", "/CreateInfrastructureConfiguration", "{\"name\":\"i\",\"instanceProfileName\":\"p\",\"clientToken\":\"t\",\"tags\":{\"team\":null}}")]
    public async Task Examples_are_refused(string method, string path, string body)
    {
        var response = await _client.RestJsonAsync(method, path, body);

        Assert.Equal(400, response.Status);
        Assert.Equal("SerializationException", response.ErrorType);
    }

    [Fact]
    public async Task Every_list_and_map_of_every_operation_refuses_a_null()
    {
        var failures = new List<string>();
        int sent = 0;
        foreach (var service in new[] { Model.Ib.IbOperations.Service, Model.AppStream.AppStreamOperations.Service, Model.WorkSpaces.WorkSpacesOperations.Service })
        {
            foreach (var operation in service.Operations.Where(o => o.Input is not null))
            {
                foreach (var (path, body) in BodiesWithANull(operation.Input!))
                {
                    var json = body.ToJsonString();
                    var response = service.Protocol == WireProtocol.RestJson
                        ? await _client.SendAsync(operation.HttpMethod, UriOf(operation), Encoding.UTF8.GetBytes(json), "application/json")
                        : await _client.AwsJsonAsync(service.TargetPrefix + "." + operation.Name, json);
                    sent++;
                    if (response.Status != 400 || response.ErrorType != "SerializationException")
                    {
                        failures.Add($"{operation.Name} {path}: {response.Status} {response.ErrorType}");
                    }
                }
            }
        }

        Assert.True(sent > 100, $"only {sent} requests were made");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>For each list and map reachable through the body members (at any depth), a body holding a null there.</summary>
    private static IEnumerable<(string Path, JsonObject Body)> BodiesWithANull(ShapeDef input)
    {
        foreach (var member in input.Members.Where(m => m.Location == MemberLocation.Body))
        {
            foreach (var (path, value) in NullsWithin(member.Shape, member.SerializedName, new HashSet<ShapeDef>()))
            {
                yield return (path, new JsonObject { [member.SerializedName] = value });
            }
        }
    }

    private static IEnumerable<(string Path, JsonNode Value)> NullsWithin(ShapeDef shape, string path, HashSet<ShapeDef> seen)
    {
        if (shape.IsDocument || !seen.Add(shape))
        {
            yield break;
        }
        switch (shape.Kind)
        {
            case ShapeKind.List:
                yield return (path + "[null]", new JsonArray((JsonNode?)null));
                foreach (var (inner, value) in NullsWithin(shape.Element!, path + "[0]", seen))
                {
                    yield return (inner, new JsonArray(value));
                }
                break;
            case ShapeKind.Map:
                yield return (path + "{k:null}", new JsonObject { ["k"] = null });
                foreach (var (inner, value) in NullsWithin(shape.Value!, path + "{k}", seen))
                {
                    yield return (inner, new JsonObject { ["k"] = value });
                }
                break;
            case ShapeKind.Structure:
                foreach (var member in shape.Members)
                {
                    foreach (var (inner, value) in NullsWithin(member.Shape, path + "." + member.SerializedName, seen))
                    {
                        yield return (inner, new JsonObject { [member.SerializedName] = value });
                    }
                }
                break;
        }
        seen.Remove(shape);
    }

    /// <summary>The operation's path with its labels filled (every label of these services is an ARN).</summary>
    private static string UriOf(OperationDef operation)
    {
        var uri = operation.RequestUri;
        int open;
        while ((open = uri.IndexOf('{')) >= 0)
        {
            uri = uri.Substring(0, open) + Uri.EscapeDataString(Arn) + uri.Substring(uri.IndexOf('}') + 1);
        }
        return uri;
    }
}
