using System.Net;
using System.Text.Json;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Control;

/// <summary>
/// The control API over HTTP, under /_emulator/ (a path no AWS API uses; no signature needed), for clients in
/// other processes. Each endpoint calls the <see cref="ImageBuilderEmulator"/> method of the same meaning.
/// Bodies and answers are JSON.
/// </summary>
internal sealed class ControlEndpoints
{
    private readonly EmulatorEngine _engine;
    private ImageBuilderEmulator? _emulator;

    public ControlEndpoints(EmulatorEngine engine) => _engine = engine;

    public void Attach(ImageBuilderEmulator emulator) => _emulator = emulator;

    public async Task HandleAsync(HttpListenerContext http, string rawPath, List<KeyValuePair<string, string>> query)
    {
        int status = 200;
        byte[] body;
        try
        {
            var emulator = _emulator ?? throw new ControlError(503, "The emulator is still starting.");
            var path = rawPath.TrimEnd('/');
            var method = http.Request.HttpMethod;
            using var input = await ReadJsonAsync(http.Request);
            var root = input?.RootElement ?? default;
            body = (method, path) switch
            {
                ("GET", "/_emulator/state") => Json(w => WriteState(w, emulator)),
                ("POST", "/_emulator/reset") => Reset(emulator),
                ("GET", "/_emulator/clock") => Json(w => WriteClock(w, emulator)),
                ("POST", "/_emulator/clock") => SetClock(emulator, root),
                ("POST", "/_emulator/clock/advance") => Advance(emulator, root),
                ("GET", "/_emulator/faults") => Json(WriteFaults),
                ("POST", "/_emulator/faults") => AddFault(emulator, root),
                ("DELETE", "/_emulator/faults") => ClearFaults(emulator),
                ("POST", "/_emulator/failures") => ArrangeFailure(emulator, root),
                ("POST", "/_emulator/seed/images") => SeedImages(emulator, root),
                ("POST", "/_emulator/seed/findings") => SeedFindings(emulator, root),
                ("POST", "/_emulator/lifecycle/run") => Json(w => WriteStrings(w, "lifecycleExecutionIds", emulator.RunLifecyclePolicies())),
                ("POST", "/_emulator/save") => Json(w => { w.WriteStartObject(); w.WriteString("stateFile", emulator.SaveState()); w.WriteEndObject(); }),
                _ => throw new ControlError(404, $"There is no control endpoint {method} {path}. See GET /_emulator/state and the README."),
            };
        }
        catch (ControlError e)
        {
            status = e.Status;
            body = Message(e.Message);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            status = 400;
            body = Message(e.Message);
        }
        catch (ServiceError e)
        {
            status = e.Status;
            body = Message(e.Message);
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength64 = body.Length;
        await http.Response.OutputStream.WriteAsync(body);
    }

    private static byte[] Reset(ImageBuilderEmulator emulator)
    {
        emulator.Reset();
        return Json(w => { w.WriteStartObject(); w.WriteBoolean("reset", true); w.WriteEndObject(); });
    }

    private static byte[] SetClock(ImageBuilderEmulator emulator, JsonElement root)
    {
        var mode = Enum.Parse<ClockMode>(RequiredString(root, "mode"), ignoreCase: true);
        var scale = root.TryGetProperty("scale", out var s) ? s.GetDouble() : 1;
        emulator.SetClock(mode, scale);
        return Json(w => WriteClock(w, emulator));
    }

    private static byte[] Advance(ImageBuilderEmulator emulator, JsonElement root)
    {
        if (OptionalString(root, "untilImage") is { } imageArn)
        {
            var wanted = OptionalString(root, "status") ?? "AVAILABLE";
            var maxStages = root.TryGetProperty("maxStages", out _) ? (int)NumberWithin(root, "maxStages", 1, 10000) : 200;
            var reached = emulator.AdvanceUntil(imageArn, wanted, maxStages);
            return Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("mode", emulator.ClockMode.ToString());
                w.WriteString("now", WireFormat.FormatIso8601(emulator.Now));
                w.WriteString("status", reached);
                w.WriteBoolean("reached", string.Equals(reached, wanted, StringComparison.OrdinalIgnoreCase));
                w.WriteEndObject();
            });
        }
        var seconds = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("seconds", out _)
            ? NumberWithin(root, "seconds", 0, MaxAdvance.TotalSeconds)
            : emulator.StageDuration.TotalSeconds;
        emulator.AdvanceClock(TimeSpan.FromSeconds(seconds));
        return Json(w => WriteClock(w, emulator));
    }

    private byte[] AddFault(ImageBuilderEmulator emulator, JsonElement root)
    {
        emulator.AddFault(new FaultRule
        {
            Operation = OptionalString(root, "operation") ?? "*",
            Kind = Enum.Parse<FaultKind>(RequiredString(root, "kind"), ignoreCase: true),
            Count = root.TryGetProperty("count", out var c) ? c.GetInt32() : null,
            Skip = root.TryGetProperty("skip", out var skip) ? skip.GetInt32() : 0,
            Rate = root.TryGetProperty("rate", out var r) ? r.GetDouble() : null,
            StatusCode = root.TryGetProperty("statusCode", out var sc) ? sc.GetInt32() : 500,
            Delay = root.TryGetProperty("delayMs", out _) ? TimeSpan.FromMilliseconds(NumberWithin(root, "delayMs", 0, FaultRule.MaxDelay.TotalMilliseconds)) : TimeSpan.FromSeconds(2),
        });
        return Json(WriteFaults);
    }

    private static byte[] ClearFaults(ImageBuilderEmulator emulator)
    {
        emulator.ClearFaults();
        return Json(w => { w.WriteStartObject(); w.WriteNumber("faults", 0); w.WriteEndObject(); });
    }

    private static byte[] ArrangeFailure(ImageBuilderEmulator emulator, JsonElement root)
    {
        emulator.ArrangeFailure(new ArrangedFailure
        {
            Target = Enum.Parse<FailureTarget>(OptionalString(root, "target") ?? nameof(FailureTarget.ImageBuild), ignoreCase: true),
            Stage = (OptionalString(root, "stage") ?? "BUILDING").ToUpperInvariant(),
            Reason = OptionalString(root, "reason"),
            Step = OptionalString(root, "step"),
            Count = root.TryGetProperty("count", out var c) ? c.GetInt32() : 1,
        });
        return Json(w => { w.WriteStartObject(); w.WriteBoolean("arranged", true); w.WriteEndObject(); });
    }

    private static byte[] SeedImages(ImageBuilderEmulator emulator, JsonElement root)
    {
        var arns = emulator.SeedImages(RequiredInt(root, "count"), OptionalString(root, "name") ?? "seeded-image");
        return Json(w => WriteStrings(w, "imageBuildVersionArns", arns));
    }

    private static byte[] SeedFindings(ImageBuilderEmulator emulator, JsonElement root)
    {
        var total = emulator.SeedScanFindings(RequiredString(root, "imageBuildVersionArn"), RequiredInt(root, "count"));
        return Json(w => { w.WriteStartObject(); w.WriteNumber("findings", total); w.WriteEndObject(); });
    }

    private void WriteState(System.Text.Json.Utf8JsonWriter w, ImageBuilderEmulator emulator)
    {
        var state = _engine.State;
        w.WriteStartObject();
        w.WriteString("url", emulator.Url);
        w.WriteString("accountId", emulator.AccountId);
        w.WriteString("region", emulator.Region);
        w.WriteString("now", WireFormat.FormatIso8601(emulator.Now));
        w.WriteNumber("stageSeconds", emulator.StageDuration.TotalSeconds);
        w.WriteString("clock", emulator.ClockMode.ToString());
        lock (state.Sync)
        {
            w.WriteStartObject("counts");
            w.WriteNumber("components", state.Components.Count);
            w.WriteNumber("imageRecipes", state.ImageRecipes.Count);
            w.WriteNumber("containerRecipes", state.ContainerRecipes.Count);
            w.WriteNumber("infrastructureConfigurations", state.InfrastructureConfigurations.Count);
            w.WriteNumber("distributionConfigurations", state.DistributionConfigurations.Count);
            w.WriteNumber("imagePipelines", state.Pipelines.Count);
            w.WriteNumber("images", state.Images.Count);
            w.WriteNumber("activeBuilds", state.ActiveBuilds.Count);
            w.WriteNumber("workflows", state.Workflows.Count);
            w.WriteNumber("lifecyclePolicies", state.LifecyclePolicies.Count);
            w.WriteNumber("scanFindings", state.Findings.Count);
            w.WriteNumber("appStreamImages", state.AppStreamImages.Count);
            w.WriteNumber("workSpacesImages", state.WorkSpacesImages.Count);
            w.WriteNumber("logGroups", state.Logs.Groups.Count);
            w.WriteEndObject();
            w.WriteStartObject("calls");
            foreach (var (operation, count) in state.Calls.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(operation, count);
            }
            w.WriteEndObject();
        }
        w.WriteNumber("faults", _engine.Faults.Rules.Count);
        w.WriteEndObject();
    }

    private static void WriteClock(Utf8JsonWriter w, ImageBuilderEmulator emulator)
    {
        w.WriteStartObject();
        w.WriteString("mode", emulator.ClockMode.ToString());
        w.WriteString("now", WireFormat.FormatIso8601(emulator.Now));
        w.WriteEndObject();
    }

    private void WriteFaults(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("faults");
        foreach (var rule in _engine.Faults.Rules)
        {
            w.WriteStartObject();
            w.WriteString("operation", rule.Operation);
            w.WriteString("kind", rule.Kind.ToString());
            if (rule.Count is { } count) w.WriteNumber("count", count);
            if (rule.Rate is { } rate) w.WriteNumber("rate", rate);
            w.WriteNumber("statusCode", rule.StatusCode);
            w.WriteNumber("delayMs", rule.Delay.TotalMilliseconds);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartObject();
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpListenerRequest request)
    {
        if (!request.HasEntityBody || request.HttpMethod is "GET" or "DELETE")
        {
            return null;
        }
        const int limit = 1024 * 1024;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.InputStream.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ControlError(413, "A control request body is at most 1 MiB.");
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return null;
        }
        return JsonDocument.Parse(buffer.ToArray());
    }

    /// <summary>One step of the clock at most: a century covers any lifecycle rule and keeps dates far from overflowing.</summary>
    private static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(36525);

    /// <summary>
    /// A number the body must hold within a range; anything else is the caller's mistake (400), never a value
    /// that overflows later and breaks the calls the emulator answers.
    /// </summary>
    private static double NumberWithin(JsonElement root, string name, double min, double max)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number)
            || double.IsNaN(number) || double.IsInfinity(number) || number < min || number > max)
        {
            throw new ControlError(400, $"\"{name}\" must be a number from {min} to {max} (it is {Excerpt(value)}).");
        }
        return number;
    }

    private static string Excerpt(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined) return "missing";
        var raw = value.GetRawText();
        return raw.Length <= 40 ? raw : raw.Substring(0, 40) + "...";
    }

    private static string RequiredString(JsonElement root, string name) =>
        OptionalString(root, name) ?? throw new ControlError(400, $"The body needs \"{name}\".");

    private static string? OptionalString(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int RequiredInt(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.TryGetInt32(out var number)
            ? number
            : throw new ControlError(400, $"The body needs \"{name}\" as a whole number.");

    private static byte[] Json(Action<Utf8JsonWriter> write) => JsonBytes.Write(write);

    private static byte[] Message(string message) => Json(w => { w.WriteStartObject(); w.WriteString("message", message); w.WriteEndObject(); });

    private sealed class ControlError : Exception
    {
        public ControlError(int status, string message) : base(message) => Status = status;

        public int Status { get; }
    }
}
