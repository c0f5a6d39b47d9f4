using System.Text;
using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Protocol;

/// <summary>What no SDK sends: each gets the error an AWS front end gives, never a 500, and the emulator keeps serving.</summary>
public sealed class BadInputTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly RawClient _client;

    public BadInputTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _client = new RawClient(fixture.Emulator.Url);
    }

    public void Dispose() => _client.Dispose();

    public static TheoryData<string, string, string?, string?, string?, int, string> RestJsonCases => new()
    {
        // method, path, body, content type, authorization ("-" for none), status, error code
        { "PUT", "/CreateInfrastructureConfiguration", "{\"name\": \"x\",", "application/json", null, 400, "SerializationException" },
        { "PUT", "/CreateInfrastructureConfiguration", "[1, 2, 3]", "application/json", null, 400, "SerializationException" },
        { "PUT", "/CreateInfrastructureConfiguration", "{} trailing", "application/json", null, 400, "SerializationException" },
        { "PUT", "/CreateInfrastructureConfiguration", "{\"name\": 42, \"instanceProfileName\": {}}", "application/json", null, 400, "SerializationException" },
        { "PUT", "/CreateInfrastructureConfiguration", "<xml/>", "application/xml", null, 415, "UnsupportedMediaTypeException" },
        { "PUT", "/CreateInfrastructureConfiguration", "{}", "application/json", "-", 403, "MissingAuthenticationTokenException" },
        { "PUT", "/CreateInfrastructureConfiguration", "{}", "application/json", "Bearer abc", 400, "IncompleteSignatureException" },
        { "PUT", "/CreateInfrastructureConfiguration", "{}", "application/json", "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/imagebuilder/aws4_request", 400, "IncompleteSignatureException" },
        { "PUT", "/CreateInfrastructureConfiguration", "{}", "application/json", null, 400, "InvalidRequestException" },
        { "POST", "/NoSuchOperation", "{}", "application/json", null, 404, "UnknownOperationException" },
        { "GET", "/CreateInfrastructureConfiguration", null, null, null, 405, "MethodNotAllowedException" },
        { "GET", "/GetComponent?componentBuildVersionArn=arn%3Aaws%3Aimagebuilder%3Aus-east-1%3A123456789012%3Acomponent%2Fx%2F1.0.0%2F1", null, null, null, 404, "ResourceNotFoundException" },
        { "GET", "/GetComponent", null, null, null, 400, "InvalidRequestException" },
        { "GET", "/GetComponent?componentBuildVersionArn=nonsense", null, null, null, 400, "InvalidParameterValueException" },
        { "POST", "/ListImages", "{\"maxResults\": 500}", "application/json", null, 400, "InvalidParameterValueException" },
        { "POST", "/ListImages", "{\"owner\": \"Nobody\"}", "application/json", null, 400, "InvalidParameterValueException" },
    };

    [Theory]
    [MemberData(nameof(RestJsonCases))]
    public async Task Rest_json_refusals(string method, string path, string? body, string? contentType, string? authorization, int status, string code)
    {
        var response = await _client.SendAsync(method, path, body is null ? null : Encoding.UTF8.GetBytes(body), contentType,
            authorization: authorization == "-" ? null : authorization ?? RawClient.Authorization);

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorType);
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("message").GetString()));
        Assert.NotNull(response.RequestId);
        await AssertStillServing();
    }

    [Fact]
    public async Task Invalid_utf8_is_a_serialization_error()
    {
        var body = new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' };
        var response = await _client.SendAsync("PUT", "/CreateInfrastructureConfiguration", body, "application/json");

        Assert.Equal(400, response.Status);
        Assert.Equal("SerializationException", response.ErrorType);
        await AssertStillServing();
    }

    [Fact]
    public async Task Oversized_bodies_are_refused()
    {
        var body = new byte[11 * 1024 * 1024];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';
        var response = await _client.SendAsync("PUT", "/CreateInfrastructureConfiguration", body, "application/json");

        Assert.Equal(413, response.Status);
        Assert.Equal("RequestEntityTooLargeException", response.ErrorType);
        await AssertStillServing();
    }

    [Theory]
    [InlineData("PhotonAdminProxyService.DeleteFleet", "{}", 400, "UnknownOperationException")]
    [InlineData("NoSuchService.DescribeImages", "{}", 400, "UnknownOperationException")]
    [InlineData("PhotonAdminProxyService.DescribeImages", "{\"MaxResults\": \"many\"", 400, "SerializationException")]
    [InlineData("PhotonAdminProxyService.DescribeImages", "{\"MaxResults\": 99}", 400, "ValidationException")]
    [InlineData("PhotonAdminProxyService.CreateImportedImage", "{\"Name\": \"x\", \"SourceAmiId\": \"ami-0123456789abcdef0\", \"AgentSoftwareVersion\": \"NEVER\"}", 400, "ValidationException")]
    [InlineData("WorkspacesService.ImportWorkspaceImage", "{}", 400, "InvalidParameterValuesException")]
    [InlineData("WorkspacesService.DescribeWorkspaceImages", "{\"ImageType\": \"BORROWED\"}", 400, "InvalidParameterValuesException")]
    public async Task Aws_json_refusals(string target, string body, int status, string code)
    {
        var response = await _client.AwsJsonAsync(target, body);

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorType);
        Assert.Equal(code, response.Json.GetProperty("__type").GetString());
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("message").GetString()));
        await AssertStillServing();
    }

    [Fact]
    public async Task Aws_json_needs_its_content_type()
    {
        var response = await _client.SendAsync("POST", "/", Encoding.UTF8.GetBytes("{}"), "text/plain", target: "WorkspacesService.DescribeWorkspaceImages");

        Assert.Equal(415, response.Status);
        Assert.Equal("UnsupportedMediaTypeException", response.ErrorType);
        await AssertStillServing();
    }

    private async Task AssertStillServing()
    {
        var response = await _client.RestJsonAsync("POST", "/ListImages", "{\"owner\": \"Amazon\"}");
        Assert.Equal(200, response.Status);
        Assert.True(response.Json.GetProperty("imageVersionList").GetArrayLength() > 0);
    }
}
