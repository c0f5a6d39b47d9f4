using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBuilder.PS.Protocol;
using ImageBuilder.PS.UnitTests.Support;
using Xunit;

namespace ImageBuilder.PS.UnitTests.Protocol;

/// <summary>
/// AWS's serializer vectors for rest-json (Image Builder) and awsJson 1.1 (AppStream, WorkSpaces, CloudWatch Logs), run through the
/// module's protocol engine: every case of ../shared/protocol-tests except those botocore itself skips.
/// </summary>
public sealed class ProtocolVectorTests
{
    public static IEnumerable<object[]> RestJsonInput() => ProtocolVectors.CaseIds("input", "rest-json");
    public static IEnumerable<object[]> RestJsonOutput() => ProtocolVectors.CaseIds("output", "rest-json");
    public static IEnumerable<object[]> JsonInput() => ProtocolVectors.CaseIds("input", "json");
    public static IEnumerable<object[]> JsonOutput() => ProtocolVectors.CaseIds("output", "json");

    [SkippableTheory, MemberData(nameof(RestJsonInput))]
    public void RestJsonRequestsMatch(string id) => CheckInput("rest-json", id);

    [SkippableTheory, MemberData(nameof(RestJsonOutput))]
    public void RestJsonResponsesMatch(string id) => CheckOutput("rest-json", id);

    [SkippableTheory, MemberData(nameof(JsonInput))]
    public void AwsJsonRequestsMatch(string id) => CheckInput("json", id);

    [SkippableTheory, MemberData(nameof(JsonOutput))]
    public void AwsJsonResponsesMatch(string id) => CheckOutput("json", id);

    private static void CheckInput(string protocol, string id)
    {
        Skip.If(SharedData.Folder is null, "../shared/protocol-tests is not beside this checkout.");
        var vector = ProtocolVectors.Find("input", protocol, id);
        var op = vector.Operation;
        var input = op.Input is null ? null : (IAwsStructure?)VectorValues.FromJson(vector.Case.GetProperty("params"), op.Input);
        var request = ClientProtocol.For(vector.Model.Service).SerializeRequest(op, input);
        var expected = vector.Case.GetProperty("serialized");

        Assert.Equal(expected.GetProperty("method").GetString(), request.Method);
        var uri = expected.GetProperty("uri").GetString()!;
        var question = uri.IndexOf('?');
        Assert.Equal(question < 0 ? uri : uri[..question], request.EncodedPath());
        var expectedQuery = question < 0 ? Array.Empty<string>() : uri[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries);
        var actualQuery = request.EncodedQuery().Split('&', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expectedQuery.Order(StringComparer.Ordinal), actualQuery.Order(StringComparer.Ordinal));

        bool hasBody = request.Body is { Length: > 0 };
        if (expected.TryGetProperty("headers", out var headers))
        {
            foreach (var header in headers.EnumerateObject())
            {
                Assert.True(request.Headers.TryGetValue(header.Name, out var value), $"header {header.Name} is missing");
                Assert.Equal(header.Value.GetString(), value);
            }
        }
        if (expected.TryGetProperty("forbidHeaders", out var forbidden))
        {
            foreach (var name in forbidden.EnumerateArray().Select(h => h.GetString()!))
            {
                Assert.False(name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ? hasBody : request.Headers.ContainsKey(name), $"header {name} must not be sent");
            }
        }
        if (expected.TryGetProperty("requireHeaders", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(h => h.GetString()!))
            {
                // Content-Length is the transport's to add, and it does whenever there is a body.
                Assert.True(name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ? hasBody : request.Headers.ContainsKey(name), $"header {name} is required");
            }
        }
        if (expected.TryGetProperty("body", out var body))
        {
            AssertBody(body.GetString()!, request.Body);
        }
        if (expected.TryGetProperty("host", out var host))
        {
            Assert.Equal(host.GetString(), (request.HostPrefix ?? "") + "example.com");
        }
    }

    private static void CheckOutput(string protocol, string id)
    {
        Skip.If(SharedData.Folder is null, "../shared/protocol-tests is not beside this checkout.");
        var vector = ProtocolVectors.Find("output", protocol, id);
        var op = vector.Operation;
        var response = vector.Case.GetProperty("response");
        var status = response.GetProperty("status_code").GetInt32();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (response.TryGetProperty("headers", out var h))
        {
            foreach (var header in h.EnumerateObject()) headers[header.Name] = header.Value.GetString()!;
        }
        var body = response.TryGetProperty("body", out var b) ? Encoding.UTF8.GetBytes(b.GetString()!) : Array.Empty<byte>();
        var protocolEngine = ClientProtocol.For(vector.Model.Service);

        if (vector.Case.TryGetProperty("errorCode", out var errorCode))
        {
            var error = protocolEngine.DeserializeError(op, status, new DictionaryHeaderSource(headers), body);
            Assert.Equal(errorCode.GetString(), error.Code);
            if (vector.Case.TryGetProperty("errorMessage", out var message))
            {
                Assert.Equal(message.GetString(), error.Message);
            }
            var expectedError = JsonNode.Parse(vector.Case.GetProperty("error").GetRawText());
            var actualError = error.Detail is null ? new JsonObject() : VectorValues.ToJson(error.Detail, error.Detail.GetShape());
            Assert.True(VectorValues.Same(expectedError, actualError), $"expected {expectedError?.ToJsonString()} but read {actualError?.ToJsonString()}");
            return;
        }

        var output = protocolEngine.DeserializeResponse(op, status, new DictionaryHeaderSource(headers), body);
        var expected = JsonNode.Parse(vector.Case.GetProperty("result").GetRawText());
        var actual = output is null ? new JsonObject() : VectorValues.ToJson(output, output.GetShape());
        Assert.True(VectorValues.Same(expected, actual), $"expected {expected?.ToJsonString()} but read {actual?.ToJsonString()}");
    }

    private static void AssertBody(string expected, byte[]? actual)
    {
        var actualText = actual is null ? "" : Encoding.UTF8.GetString(actual);
        if (expected.Length == 0)
        {
            Assert.Equal("", actualText);
            return;
        }
        JsonNode? expectedJson = null;
        try
        {
            expectedJson = JsonNode.Parse(expected);
        }
        catch (JsonException)
        {
        }
        if (expectedJson is null || (expectedJson is JsonValue && !expected.TrimStart().StartsWith('"')))
        {
            Assert.Equal(expected, actualText);
            return;
        }
        var actualJson = JsonNode.Parse(actualText);
        Assert.True(VectorValues.Same(expectedJson, actualJson), $"expected body {expectedJson.ToJsonString()} but sent {actualText}");
    }
}
