using System.Text.Json;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Generator;

/// <summary>A service model read from botocore's JSON form into the module's runtime shape objects.</summary>
public sealed class LoadedModel
{
    public required ServiceDef Service { get; init; }
    /// <summary>Every shape reachable from the selected operations, by model name.</summary>
    public required IReadOnlyDictionary<string, ShapeDef> Shapes { get; init; }
    public required IReadOnlyList<OperationDef> Operations { get; init; }
}

/// <summary>
/// Interprets a botocore service model (and its paginators): the one place that knows what the model's traits
/// mean. The generator prints what this builds as C#; tests build protocol-test models with it at run time.
/// </summary>
public static class ModelLoader
{
    public static LoadedModel Load(string serviceJsonPath, string? paginatorsJsonPath = null, IReadOnlyCollection<string>? operationNames = null)
    {
        using var service = JsonDocument.Parse(File.ReadAllBytes(serviceJsonPath));
        JsonDocument? paginators = paginatorsJsonPath is not null && File.Exists(paginatorsJsonPath)
            ? JsonDocument.Parse(File.ReadAllBytes(paginatorsJsonPath))
            : null;
        using (paginators)
        {
            var root = service.RootElement;
            var metadata = root.GetProperty("metadata");
            var pages = paginators?.RootElement.GetProperty("pagination");
            return Load(metadata, root.GetProperty("shapes"), EnumerateOperations(root.GetProperty("operations")), pages, operationNames);
        }
    }

    /// <summary>Builds a model from already-parsed parts (protocol tests keep their operations per case).</summary>
    public static LoadedModel Load(JsonElement metadata, JsonElement shapes, IEnumerable<JsonElement> operations,
        JsonElement? paginators = null, IReadOnlyCollection<string>? operationNames = null)
    {
        var builder = new Builder(shapes);
        var service = new ServiceDef(
            metadata.TryGetProperty("serviceId", out var id) ? id.GetString()! : "Test",
            ProtocolOf(metadata),
            metadata.TryGetProperty("apiVersion", out var version) ? version.GetString()! : "")
        {
            TargetPrefix = metadata.TryGetProperty("targetPrefix", out var prefix) ? prefix.GetString() : null,
            SigningName = metadata.TryGetProperty("signingName", out var signing) ? signing.GetString()!
                : metadata.TryGetProperty("endpointPrefix", out var ep) ? ep.GetString()! : "",
            EndpointPrefix = metadata.TryGetProperty("endpointPrefix", out var ep2) ? ep2.GetString()! : "",
        };
        var loaded = new List<OperationDef>();
        foreach (var op in operations)
        {
            var name = op.GetProperty("name").GetString()!;
            if (operationNames is not null && !operationNames.Contains(name))
            {
                continue;
            }
            var definition = builder.Operation(op);
            if (paginators is { } p && p.TryGetProperty(name, out var paging) && paging.TryGetProperty("input_token", out var inputToken))
            {
                definition.Paginator = new PaginatorDef(
                    inputToken.GetString()!,
                    paging.GetProperty("output_token").GetString()!,
                    paging.TryGetProperty("limit_key", out var limit) ? limit.GetString() : null,
                    ResultKeyOf(paging.GetProperty("result_key")));
            }
            service.Add(definition);
            loaded.Add(definition);
        }
        return new LoadedModel { Service = service, Shapes = builder.Built, Operations = loaded };
    }

    /// <summary>
    /// A paginator may name several result keys (FilterLogEvents: events and searchedLogStreams). The first is the
    /// list a caller streams; the others describe the page, and a caller that needs them reads the page itself.
    /// </summary>
    private static string ResultKeyOf(JsonElement key) =>
        key.ValueKind == JsonValueKind.Array ? key[0].GetString()! : key.GetString()!;

    private static IEnumerable<JsonElement> EnumerateOperations(JsonElement operations)
    {
        foreach (var property in operations.EnumerateObject())
        {
            yield return property.Value;
        }
    }

    private static WireProtocol ProtocolOf(JsonElement metadata)
    {
        // AppStream lists smithy-rpc-v2-cbor first; the module speaks its JSON protocol, which it also supports.
        var candidates = new List<string>();
        if (metadata.TryGetProperty("protocols", out var list))
        {
            candidates.AddRange(list.EnumerateArray().Select(p => p.GetString()!));
        }
        candidates.Add(metadata.GetProperty("protocol").GetString()!);
        foreach (var protocol in candidates)
        {
            switch (protocol)
            {
                case "rest-json": return WireProtocol.RestJson;
                case "json":
                    var jsonVersion = metadata.TryGetProperty("jsonVersion", out var v) ? v.GetString() : "1.1";
                    return jsonVersion == "1.0" ? WireProtocol.AwsJson10 : WireProtocol.AwsJson11;
            }
        }
        throw new NotSupportedException($"None of the protocols {string.Join(", ", candidates)} is one the module speaks.");
    }

    private sealed class Builder(JsonElement shapes)
    {
        public Dictionary<string, ShapeDef> Built { get; } = new(StringComparer.Ordinal);

        public OperationDef Operation(JsonElement op)
        {
            var http = op.GetProperty("http");
            var definition = new OperationDef(
                op.GetProperty("name").GetString()!,
                http.GetProperty("method").GetString()!,
                http.GetProperty("requestUri").GetString()!)
            {
                SuccessStatusCode = http.TryGetProperty("responseCode", out var code) ? code.GetInt32() : 200,
                Input = op.TryGetProperty("input", out var input) ? Shape(input.GetProperty("shape").GetString()!) : null,
                Output = op.TryGetProperty("output", out var output) ? Shape(output.GetProperty("shape").GetString()!) : null,
                HostPrefix = op.TryGetProperty("endpoint", out var endpoint) && endpoint.TryGetProperty("hostPrefix", out var hp) ? hp.GetString() : null,
                IsDeprecated = op.TryGetProperty("deprecated", out var dep) && dep.GetBoolean(),
                SupportsRequestCompression = op.TryGetProperty("requestcompression", out _),
            };
            if (op.TryGetProperty("errors", out var errors))
            {
                definition.Errors = errors.EnumerateArray().Select(e => Shape(e.GetProperty("shape").GetString()!)).ToArray();
            }
            return definition;
        }

        public ShapeDef Shape(string name)
        {
            if (Built.TryGetValue(name, out var existing))
            {
                return existing;
            }
            var json = shapes.GetProperty(name);
            var shape = new ShapeDef(name, KindOf(json.GetProperty("type").GetString()!));
            Built[name] = shape; // registered before its members so recursive shapes resolve to it

            shape.Min = Number(json, "min");
            shape.Max = Number(json, "max");
            shape.Pattern = json.TryGetProperty("pattern", out var pattern) ? pattern.GetString() : null;
            shape.EnumValues = json.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(v => v.GetString()!).ToArray() : null;
            shape.IsUnion = Flag(json, "union");
            shape.IsDocument = Flag(json, "document");
            shape.IsSensitive = Flag(json, "sensitive");
            shape.IsStreaming = Flag(json, "streaming");
            shape.MediaType = json.TryGetProperty("mediaType", out var media) ? media.GetString() : null;
            shape.TimestampFormat = json.TryGetProperty("timestampFormat", out var ts) ? TimestampFormatOf(ts.GetString()!) : TimestampFormat.Default;
            shape.PayloadMember = json.TryGetProperty("payload", out var payload) ? payload.GetString() : null;
            shape.IsError = Flag(json, "exception");
            shape.IsServerFault = Flag(json, "fault");
            if (json.TryGetProperty("error", out var error))
            {
                if (error.TryGetProperty("httpStatusCode", out var status)) shape.ErrorStatusCode = status.GetInt32();
                if (error.TryGetProperty("code", out var errorCode)) shape.ErrorCode = errorCode.GetString();
                if (error.TryGetProperty("senderFault", out var sender) && !sender.GetBoolean()) shape.IsServerFault = true;
            }
            shape.IsDateString = shape.Kind == ShapeKind.String && ModelCustomizations.IsDateString(name);

            switch (shape.Kind)
            {
                case ShapeKind.List:
                    shape.Element = Shape(json.GetProperty("member").GetProperty("shape").GetString()!);
                    break;
                case ShapeKind.Map:
                    shape.Key = Shape(json.GetProperty("key").GetProperty("shape").GetString()!);
                    shape.Value = Shape(json.GetProperty("value").GetProperty("shape").GetString()!);
                    break;
                case ShapeKind.Structure:
                    shape.DefineMembers(Members(json).ToArray());
                    break;
            }
            return shape;
        }

        private IEnumerable<MemberDef> Members(JsonElement json)
        {
            var required = json.TryGetProperty("required", out var req)
                ? req.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>();
            foreach (var property in json.GetProperty("members").EnumerateObject())
            {
                var m = property.Value;
                var member = new MemberDef(CSharpNames.Pascal(property.Name), property.Name, Shape(m.GetProperty("shape").GetString()!))
                {
                    Location = m.TryGetProperty("location", out var location) ? LocationOf(location.GetString()!) : MemberLocation.Body,
                    LocationName = m.TryGetProperty("locationName", out var ln) ? ln.GetString() : m.TryGetProperty("jsonName", out var jn) ? jn.GetString() : null,
                    IsRequired = required.Contains(property.Name),
                    IsIdempotencyToken = Flag(m, "idempotencyToken"),
                    IsHostLabel = Flag(m, "hostLabel"),
                    IsJsonValue = Flag(m, "jsonvalue"),
                    IsDeprecated = Flag(m, "deprecated"),
                    TimestampFormat = m.TryGetProperty("timestampFormat", out var ts) ? TimestampFormatOf(ts.GetString()!) : TimestampFormat.Default,
                };
                yield return member;
            }
        }

        private static bool Flag(JsonElement json, string name) =>
            json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

        private static double? Number(JsonElement json, string name) =>
            json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
    }

    private static ShapeKind KindOf(string type) => type switch
    {
        "structure" => ShapeKind.Structure,
        "list" => ShapeKind.List,
        "map" => ShapeKind.Map,
        "string" => ShapeKind.String,
        "boolean" => ShapeKind.Boolean,
        "byte" => ShapeKind.Byte,
        "short" => ShapeKind.Short,
        "integer" => ShapeKind.Integer,
        "long" => ShapeKind.Long,
        "float" => ShapeKind.Float,
        "double" => ShapeKind.Double,
        "bigInteger" => ShapeKind.BigInteger,
        "bigDecimal" => ShapeKind.BigDecimal,
        "timestamp" => ShapeKind.Timestamp,
        "blob" => ShapeKind.Blob,
        _ => throw new NotSupportedException($"Shape type '{type}' is not supported."),
    };

    private static MemberLocation LocationOf(string location) => location switch
    {
        "uri" => MemberLocation.Uri,
        "querystring" => MemberLocation.QueryString,
        "header" => MemberLocation.Header,
        "headers" => MemberLocation.HeaderMap,
        "statusCode" => MemberLocation.StatusCode,
        _ => throw new NotSupportedException($"Member location '{location}' is not supported."),
    };

    private static TimestampFormat TimestampFormatOf(string format) => format switch
    {
        "unixTimestamp" => TimestampFormat.EpochSeconds,
        "iso8601" => TimestampFormat.Iso8601,
        "rfc822" => TimestampFormat.HttpDate,
        _ => throw new NotSupportedException($"Timestamp format '{format}' is not supported."),
    };
}
