using ImageBuilder.PS.Emulator.Control;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Protocol;
using System.Net;

namespace ImageBuilder.PS.Emulator.Http;

/// <summary>
/// Every request enters here: control calls go to the control endpoints; AWS calls are routed (rest-json by
/// method and path, awsJson by X-Amz-Target), checked for a signature, possibly given an arranged fault, bound to
/// the operation's input, validated, and run under the state's lock. Anything a client sends is answered with an
/// AWS-shaped error at worst; nothing it sends can stop the emulator.
/// </summary>
internal sealed class RequestDispatcher
{
    /// <summary>The largest body accepted; AWS front ends refuse large bodies the same way.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    private readonly EmulatorEngine _engine;
    private readonly ControlEndpoints _control;

    public ControlEndpoints Control => _control;
    private readonly RestJsonRouter _router;

    public RequestDispatcher(EmulatorEngine engine)
    {
        _engine = engine;
        _control = new ControlEndpoints(engine);
        _router = new RestJsonRouter(engine.ImageBuilder.Service);
    }

    /// <summary>Answers one request; <paramref name="stopping"/> ends slow answers when the emulator stops.</summary>
    public async Task HandleAsync(HttpListenerContext http, CancellationToken stopping)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        var raw = http.Request.RawUrl ?? "/";
        int question = raw.IndexOf('?');
        var rawPath = question < 0 ? raw : raw.Substring(0, question);
        var query = QueryString.Parse(question < 0 ? null : raw.Substring(question + 1));

        if (rawPath.StartsWith("/_emulator", StringComparison.Ordinal))
        {
            await _control.HandleAsync(http, rawPath, query);
            http.Response.Close();
            return;
        }

        string target = http.Request.Headers["X-Amz-Target"] ?? "";
        OperationTable? table = string.IsNullOrEmpty(target) ? _engine.ImageBuilder : null;
        WireResponse response;
        try
        {
            response = await ServeAsync(http, requestId, rawPath, query, target, t => table = t, stopping);
        }
        catch (DroppedConnection)
        {
            // Closing the connection without a byte of answer is not enough: HTTP clients take that for an idle
            // connection the server had closed and quietly send the request again. An answer that breaks off at
            // its start reaches every client as the failure it is; the request was not carried out.
            await CutOffAsync(http, new WireResponse(500, "{}"u8.ToArray(), "application/json"));
            return;
        }
        catch (AnswerCutOff cut)
        {
            await CutOffAsync(http, cut.Response);
            return;
        }
        catch (ServiceError error)
        {
            response = ResponseWriter.Error(table?.Service, ErrorDialect.For(table?.Service, error), target.Length > 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _engine.Log($"Unexpected failure serving {http.Request.HttpMethod} {rawPath}: {e}");
            response = ResponseWriter.Error(table?.Service, ServiceError.Internal("The emulator failed to serve the request: " + e.Message), target.Length > 0);
        }
        await WriteAsync(http, response);
    }

    private async Task<WireResponse> ServeAsync(HttpListenerContext http, string requestId, string rawPath,
        List<KeyValuePair<string, string>> query, string target, Action<OperationTable> identified, CancellationToken stopping)
    {
        var request = http.Request;
        var method = request.HttpMethod;
        OperationTable table;
        OperationDef operation;
        Dictionary<string, string> labels;
        if (target.Length > 0)
        {
            int dot = target.LastIndexOf('.');
            var prefix = dot < 0 ? target : target.Substring(0, dot);
            table = _engine.ForTargetPrefix(prefix) ?? throw ServiceError.UnknownOperation($"The target '{target}' is not recognized.", 400);
            identified(table);
            var name = dot < 0 ? "" : target.Substring(dot + 1);
            if (!table.Service.TryGetOperation(name, out operation))
            {
                throw ServiceError.UnknownOperation($"The operation '{name}' is not supported by {table.Service.ServiceId}.", 400);
            }
            if (method != "POST")
            {
                throw ServiceError.UnknownOperation($"awsJson calls are POST requests, not {method}.", 400);
            }
            labels = new Dictionary<string, string>();
        }
        else
        {
            table = _engine.ImageBuilder;
            var matched = _router.Match(method, rawPath, out labels, out var pathKnown);
            operation = matched ?? throw (pathKnown
                ? new ServiceError("MethodNotAllowedException", 405, $"{method} is not allowed on {rawPath}.")
                : ServiceError.UnknownOperation($"No operation is found at {method} {rawPath}."));
        }

        var signatureError = SigV4Check.Check(request.Headers["Authorization"] ?? "", request.Headers["X-Amz-Date"] ?? "", request.Headers["Date"] ?? "", query);
        if (signatureError is not null)
        {
            throw signatureError;
        }

        var body = await ReadBodyAsync(request, stopping);
        CheckContentType(table.Service, request.ContentType, body.Length);

        var fault = _engine.Faults.Next(operation.Name);
        if (fault is not null)
        {
            var faulted = await ApplyFaultAsync(fault, table.Service, stopping);
            if (faulted is not null)
            {
                return faulted;
            }
        }

        var input = table.Service.Protocol == WireProtocol.RestJson
            ? RequestBinder.BindRestJson(operation, labels, query, request.Headers, body)
            : RequestBinder.BindAwsJson(operation, body);
        if (fault?.Kind == FaultKind.DropAfterApply)
        {
            // The work is done (or refused) as usual; only the answer is lost on the way back.
            WireResponse applied;
            try
            {
                InputChecks.Validate(input, ValidationStyleOf(table.Service, operation));
                applied = _engine.Invoke(table, operation, input, requestId);
            }
            catch (ServiceError error)
            {
                applied = ResponseWriter.Error(table.Service, ErrorDialect.For(table.Service, error));
            }
            throw new AnswerCutOff(applied);
        }
        InputChecks.Validate(input, ValidationStyleOf(table.Service, operation));
        return _engine.Invoke(table, operation, input, requestId);
    }

    private static ValidationStyle ValidationStyleOf(ServiceDef service, OperationDef operation) => service.TargetPrefix switch
    {
        "PhotonAdminProxyService" => ValidationStyle.Coral,
        "WorkspacesService" => ValidationStyle.WorkSpaces,
        "Logs_20140328" => ValidationStyle.Logs,
        _ => operation.Name is "TagResource" or "UntagResource" or "ListTagsForResource" ? ValidationStyle.ImageBuilderTagging : ValidationStyle.ImageBuilder,
    };

    private static void CheckContentType(ServiceDef service, string? contentType, int bodyLength)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return;
        }
        var mediaType = contentType.Split(';')[0].Trim();
        bool json = service.Protocol == WireProtocol.RestJson
            ? mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || (bodyLength == 0 && mediaType.Length > 0)
            : mediaType.StartsWith("application/x-amz-json-", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        if (!json)
        {
            throw ServiceError.UnsupportedMediaType(mediaType);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request, CancellationToken stopping)
    {
        if (request.ContentLength64 > MaxBodyBytes)
        {
            await DiscardAsync(request.InputStream, stopping);
            throw ServiceError.RequestTooLarge(MaxBodyBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        if (!request.HasEntityBody)
        {
            return Array.Empty<byte>();
        }
        var stream = request.InputStream;
        while ((read = await stream.ReadAsync(chunk, stopping)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                await DiscardAsync(stream, stopping);
                throw ServiceError.RequestTooLarge(MaxBodyBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Reads the rest of a refused body (up to a bound) so that the client, still sending, receives the refusal
    /// instead of a broken pipe; past the bound the connection is given up.
    /// </summary>
    private static async Task DiscardAsync(Stream body, CancellationToken stopping)
    {
        const long bound = 16L * MaxBodyBytes;
        var chunk = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < bound && (read = await body.ReadAsync(chunk, stopping)) > 0)
        {
            total += read;
        }
    }

    private static async Task<WireResponse?> ApplyFaultAsync(FaultRule fault, ServiceDef service, CancellationToken aborted)
    {
        switch (fault.Kind)
        {
            case FaultKind.Slow:
                await Task.Delay(fault.Delay, aborted);
                return null;
            case FaultKind.DropConnection:
                throw new DroppedConnection();
            case FaultKind.DropAfterApply:
                return null;
            case FaultKind.Throttle:
                var code = service.Protocol == WireProtocol.RestJson ? "CallRateLimitExceededException" : "ThrottlingException";
                return ResponseWriter.Error(service, new ServiceError(code, 429, "Rate exceeded"));
            case FaultKind.ThrottleWithoutCode:
                return new WireResponse(429, "{\"message\":\"Too Many Requests\"}"u8.ToArray(), "application/json");
            default:
                var serverCode = ErrorDialect.ServerErrorCode(service, fault.StatusCode);
                return ResponseWriter.Error(service, new ServiceError(serverCode, fault.StatusCode, "The service had an internal error (arranged by the emulator)."));
        }
    }

    private static async Task WriteAsync(HttpListenerContext http, WireResponse response)
    {
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        if (response.ErrorType is not null)
        {
            http.Response.Headers["x-amzn-ErrorType"] = response.ErrorType;
        }
        http.Response.ContentLength64 = response.Body.Length;
        await http.Response.OutputStream.WriteAsync(response.Body);
        http.Response.Close();
    }

    /// <summary>
    /// Starts the answer and breaks the connection half-way through its body, as a proxy or a failing network
    /// would. A connection closed before any answer can be retried by HTTP clients on their own (they take it for
    /// an idle connection the server closed); one that breaks mid-answer reaches the caller as a lost response.
    /// </summary>
    private static async Task CutOffAsync(HttpListenerContext http, WireResponse response)
    {
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        http.Response.ContentLength64 = response.Body.Length;
        await http.Response.OutputStream.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2));
        await http.Response.OutputStream.FlushAsync();
        // A reset that arrives with the data unread can discard it; a moment lets the client take in the start.
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        http.Response.Abort();
    }

    /// <summary>Thrown when a call has been carried out and its answer is to be lost.</summary>
    private sealed class AnswerCutOff : Exception
    {
        public AnswerCutOff(WireResponse response) => Response = response;

        public WireResponse Response { get; }
    }

    /// <summary>Thrown to end a call without an answer.</summary>
    private sealed class DroppedConnection : Exception
    {
    }
}
