using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using ImageBuilder.PS.Model.Emulation;

namespace ImageBuilder.PS.Aws.Emulation
{
    /// <summary>A control call the emulator refused, or an emulator that does not answer.</summary>
    public sealed class EmulatorControlException : Exception
    {
        public EmulatorControlException(string message, int status, Exception? inner = null) : base(message, inner) => Status = status;

        /// <summary>The HTTP status of the refusal; 0 when nothing answered.</summary>
        public int Status { get; }
    }

    /// <summary>
    /// The emulator's control API (/_emulator/... on its own port, JSON, no signature) for the control cmdlets. It
    /// goes over HTTP even to an emulator in the same process, so that the same cmdlets drive one started by
    /// Start-IbEmulator, a standalone one, or one in another PowerShell (which is how Windows PowerShell 5.1 uses it).
    /// </summary>
    public sealed class EmulatorControlClient
    {
        // Loopback only: never through a proxy from HTTP_PROXY, which could not reach it anyway.
        private static readonly HttpClient Http = new(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(100) };

        private readonly string _url;

        public EmulatorControlClient(string url) => _url = url.TrimEnd('/');

        public string Url => _url;

        public IbEmulator GetState(CancellationToken cancel)
        {
            using var answer = Send(HttpMethod.Get, "/_emulator/state", null, cancel);
            var root = answer.RootElement;
            var resources = new SortedDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("counts", out var counts) && counts.ValueKind == JsonValueKind.Object)
            {
                foreach (var count in counts.EnumerateObject())
                {
                    if (count.Value.TryGetInt32(out var n))
                    {
                        resources[char.ToUpperInvariant(count.Name[0]) + count.Name.Substring(1)] = n;
                    }
                }
            }
            return new IbEmulator
            {
                Url = String(root, "url") ?? _url,
                AccountId = String(root, "accountId") ?? "",
                Region = String(root, "region") ?? "",
                Clock = String(root, "clock") ?? "",
                Now = Time(root),
                StageDuration = TimeSpan.FromSeconds(root.TryGetProperty("stageSeconds", out var stage) && stage.TryGetDouble(out var s) ? s : 0),
                Resources = resources,
                Faults = root.TryGetProperty("faults", out var faults) && faults.TryGetInt32(out var f) ? f : 0,
            };
        }

        public void Reset(CancellationToken cancel) => Send(HttpMethod.Post, "/_emulator/reset", null, cancel).Dispose();

        /// <summary>Sets the clock's mode (real, stepped, scaled) and returns the emulator's time, local.</summary>
        public DateTime SetClockMode(string mode, double scale, CancellationToken cancel)
        {
            using var answer = Send(HttpMethod.Post, "/_emulator/clock", Json(w =>
            {
                w.WriteString("mode", mode);
                w.WriteNumber("scale", scale);
            }), cancel);
            return Time(answer.RootElement);
        }

        /// <summary>Moves the clock on by <paramref name="by"/> and returns the emulator's new time, local.</summary>
        public DateTime Advance(TimeSpan by, CancellationToken cancel)
        {
            using var answer = Send(HttpMethod.Post, "/_emulator/clock/advance", Json(w => w.WriteNumber("seconds", by.TotalSeconds)), cancel);
            return Time(answer.RootElement);
        }

        /// <summary>Moves the clock stage by stage until a build has a status (or ends otherwise); returns the status reached.</summary>
        public (string Status, DateTime Now) AdvanceUntil(string imageBuildVersionArn, string status, int maxStages, CancellationToken cancel)
        {
            using var answer = Send(HttpMethod.Post, "/_emulator/clock/advance", Json(w =>
            {
                w.WriteString("untilImage", imageBuildVersionArn);
                w.WriteString("status", status);
                w.WriteNumber("maxStages", maxStages);
            }), cancel);
            return (String(answer.RootElement, "status") ?? "", Time(answer.RootElement));
        }

        public IReadOnlyList<IbEmulatorFault> GetFaults(CancellationToken cancel)
        {
            using var answer = Send(HttpMethod.Get, "/_emulator/faults", null, cancel);
            return Faults(answer.RootElement);
        }

        public IReadOnlyList<IbEmulatorFault> AddFault(IbEmulatorFault fault, CancellationToken cancel)
        {
            using var answer = Send(HttpMethod.Post, "/_emulator/faults", Json(w =>
            {
                w.WriteString("operation", fault.Operation);
                w.WriteString("kind", fault.Kind);
                if (fault.Count is { } count) w.WriteNumber("count", count);
                if (fault.Rate is { } rate) w.WriteNumber("rate", rate);
                w.WriteNumber("statusCode", fault.StatusCode);
                w.WriteNumber("delayMs", fault.Delay.TotalMilliseconds);
            }), cancel);
            return Faults(answer.RootElement);
        }

        public void ClearFaults(CancellationToken cancel) => Send(HttpMethod.Delete, "/_emulator/faults", null, cancel).Dispose();

        public void ArrangeFailure(string target, string stage, string? step, string? reason, int count, CancellationToken cancel) =>
            Send(HttpMethod.Post, "/_emulator/failures", Json(w =>
            {
                w.WriteString("target", target);
                w.WriteString("stage", stage);
                if (step is not null) w.WriteString("step", step);
                if (reason is not null) w.WriteString("reason", reason);
                w.WriteNumber("count", count);
            }), cancel).Dispose();

        public IReadOnlyList<string> SeedImages(int count, string name, CancellationToken cancel)
        {
            using var answer = Send(HttpMethod.Post, "/_emulator/seed/images", Json(w =>
            {
                w.WriteNumber("count", count);
                w.WriteString("name", name);
            }), cancel);
            return Strings(answer.RootElement, "imageBuildVersionArns");
        }

        public int SeedFindings(string imageBuildVersionArn, int count, CancellationToken cancel)
        {
            using var answer = Send(HttpMethod.Post, "/_emulator/seed/findings", Json(w =>
            {
                w.WriteString("imageBuildVersionArn", imageBuildVersionArn);
                w.WriteNumber("count", count);
            }), cancel);
            return answer.RootElement.TryGetProperty("findings", out var total) && total.TryGetInt32(out var n) ? n : 0;
        }

        /// <summary>Writes the state file now; returns its full path, or null when the emulator keeps none.</summary>
        public string? Save(CancellationToken cancel)
        {
            using var answer = Send(HttpMethod.Post, "/_emulator/save", null, cancel);
            return String(answer.RootElement, "stateFile");
        }

        private JsonDocument Send(HttpMethod method, string path, byte[]? body, CancellationToken cancel)
        {
            using var request = new HttpRequestMessage(method, _url + path);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            }
            HttpResponseMessage response;
            try
            {
                response = Http.SendAsync(request, cancel).ConfigureAwait(false).GetAwaiter().GetResult();
            }
            catch (HttpRequestException e)
            {
                throw new EmulatorControlException($"No emulator answers at {_url}: {Innermost(e).Message}", 0, e);
            }
            catch (System.Threading.Tasks.TaskCanceledException e) when (!cancel.IsCancellationRequested)
            {
                throw new EmulatorControlException($"The emulator at {_url} did not answer within {Http.Timeout.TotalSeconds:0} s.", 0, e);
            }
            using (response)
            {
                var text = response.Content.ReadAsStringAsync().ConfigureAwait(false).GetAwaiter().GetResult();
                JsonDocument? document = null;
                try
                {
                    document = text.Length == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(text);
                }
                catch (JsonException)
                {
                    // Not the emulator's control API: something else listens there.
                }
                if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    document?.Dispose();
                    throw new EmulatorControlException($"What answers at {_url} is not an ImageBuilder.PS emulator (HTTP {(int)response.StatusCode}, no control API).", (int)response.StatusCode);
                }
                if (!response.IsSuccessStatusCode)
                {
                    var message = String(document.RootElement, "message") ?? response.ReasonPhrase ?? "refused";
                    document.Dispose();
                    throw new EmulatorControlException(message, (int)response.StatusCode);
                }
                return document;
            }
        }

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException is not null) e = e.InnerException;
            return e;
        }

        private static byte[] Json(Action<Utf8JsonWriter> members)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                members(writer);
                writer.WriteEndObject();
            }
            return buffer.ToArray();
        }

        private static string? String(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static DateTime Time(JsonElement root) =>
            String(root, "now") is { } now && DateTime.TryParse(now, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
                ? DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime()
                : default;

        private static IReadOnlyList<string> Strings(JsonElement root, string name)
        {
            var list = new List<string>();
            if (root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray())
                {
                    if (item.GetString() is { } text) list.Add(text);
                }
            }
            return list;
        }

        private IReadOnlyList<IbEmulatorFault> Faults(JsonElement root)
        {
            var list = new List<IbEmulatorFault>();
            if (root.TryGetProperty("faults", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray())
                {
                    list.Add(new IbEmulatorFault
                    {
                        Operation = String(item, "operation") ?? "*",
                        Kind = String(item, "kind") ?? "",
                        Count = item.TryGetProperty("count", out var c) && c.TryGetInt32(out var count) ? count : null,
                        Rate = item.TryGetProperty("rate", out var r) && r.TryGetDouble(out var rate) ? rate : null,
                        StatusCode = item.TryGetProperty("statusCode", out var sc) && sc.TryGetInt32(out var code) ? code : 0,
                        Delay = TimeSpan.FromMilliseconds(item.TryGetProperty("delayMs", out var d) && d.TryGetDouble(out var ms) ? ms : 0),
                        Url = _url,
                    });
                }
            }
            return list;
        }
    }
}
