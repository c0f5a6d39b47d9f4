using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ImageBuilder.PS.Tests.Support;

/// <summary>A request as it reached the wire.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }
    /// <summary>Path and query exactly as sent (still percent-encoded).</summary>
    public required string RawUrl { get; init; }
    public required Dictionary<string, string> Headers { get; init; }
    public required byte[] Body { get; init; }

    public string Path => RawUrl.Split('?')[0];
    public string Query => RawUrl.Contains('?') ? RawUrl[(RawUrl.IndexOf('?') + 1)..] : "";
    public string BodyText => Encoding.UTF8.GetString(Body);
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

public sealed record CannedResponse(int Status, string Body = "{}", IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>The answer starts (status line, headers, half the body) and the connection is then broken.</summary>
    public bool BreaksOff { get; init; }

    public static CannedResponse Json(string body) => new(200, body);

    /// <summary>What the emulator's DropConnection sends: a 500 status line, one byte of a two-byte body, a reset.</summary>
    public static CannedResponse BrokenOff() => new(500) { BreaksOff = true };

    public static CannedResponse Error(int status, string code, string message) =>
        new(status, JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = message }),
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = code, ["x-amzn-RequestId"] = "req-" + code });
}

/// <summary>
/// An HTTP listener on a free loopback port that records every request and answers from a script of responses
/// (then from a default), so tests can check exactly what the module sent.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Func<RecordedRequest, CannedResponse>> _script = new();
    private readonly Task _loop;

    public LoopbackServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public Func<RecordedRequest, CannedResponse> Default { get; set; } = _ => new CannedResponse(200);

    /// <summary>Forgets earlier requests and scripted answers.</summary>
    public void Reset()
    {
        Requests.Clear();
        _script.Clear();
        Default = _ => new CannedResponse(200);
    }

    public void Enqueue(params CannedResponse[] responses)
    {
        foreach (var response in responses) _script.Enqueue(_ => response);
    }

    public void Enqueue(Func<RecordedRequest, CannedResponse> handler) => _script.Enqueue(handler);

    public RecordedRequest SingleRequest() => Assert.Single(Requests);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            // Each request is answered on its own, so a slow answer (a Ctrl+C test) does not hold up others.
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string? name in context.Request.Headers.AllKeys)
            {
                if (name is not null) headers[name] = context.Request.Headers[name] ?? "";
            }
            var request = new RecordedRequest { Method = context.Request.HttpMethod, RawUrl = context.Request.RawUrl ?? "/", Headers = headers, Body = body.ToArray() };
            Requests.Enqueue(request);
            var response = _script.TryDequeue(out var scripted) ? scripted(request) : Default(request);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/json";
            context.Response.Headers["x-amzn-RequestId"] = "req-" + Requests.Count;
            if (response.Headers is not null)
            {
                foreach (var header in response.Headers) context.Response.Headers[header.Key] = header.Value;
            }
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentLength64 = bytes.Length;
            if (response.BreaksOff)
            {
                await context.Response.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2)).ConfigureAwait(false);
                await context.Response.OutputStream.FlushAsync().ConfigureAwait(false);
                // A reset that arrives with the start unread can discard it; a moment lets the client take it in.
                await Task.Delay(TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
                context.Response.Abort();
                return;
            }
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException)
        {
            // The client went away (a cancelled request) or the listener stopped.
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException)
        {
            // The managed listener can throw while closing a connection a client is still tearing down; the
            // server is going away either way, and a test class's cleanup must not fail the run for it.
        }
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
