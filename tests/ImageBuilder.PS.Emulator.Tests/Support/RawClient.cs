using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ImageBuilder.PS.Emulator.Tests.Support;

/// <summary>An answer as it came off the wire.</summary>
public sealed record RawResponse(int Status, string? ErrorType, string Body, string? RequestId)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// Sends hand-made requests, including ones no SDK would send, with a well-formed (never verified) SigV4 header
/// unless told otherwise.
/// </summary>
public sealed class RawClient : IDisposable
{
    public const string Authorization =
        "AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/20250101/us-east-1/imagebuilder/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly HttpClient _http;

    public RawClient(string baseUrl) => _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A rest-json call that must succeed; the assertion names the path, status and body when it does not.</summary>
    public async Task<RawResponse> OkAsync(string method, string pathAndQuery, string? json = null)
    {
        var response = await RestJsonAsync(method, pathAndQuery, json);
        Assert.True(response.Status == 200, $"{pathAndQuery}: {response.Status} {response.Body}");
        return response;
    }

    public Task<RawResponse> RestJsonAsync(string method, string pathAndQuery, string? json = null) =>
        SendAsync(method, pathAndQuery, json is null ? null : Encoding.UTF8.GetBytes(json), "application/json");

    public Task<RawResponse> AwsJsonAsync(string target, string json) =>
        SendAsync("POST", "/", Encoding.UTF8.GetBytes(json), "application/x-amz-json-1.1", target: target);

    public async Task<RawResponse> SendAsync(string method, string pathAndQuery, byte[]? body, string? contentType,
        string? target = null, string? authorization = Authorization)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250101T000000Z");
        }
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.First() : null;
        return new RawResponse((int)response.StatusCode, Header("x-amzn-ErrorType"), text, Header("x-amzn-RequestId"));
    }

    public void Dispose() => _http.Dispose();
}
