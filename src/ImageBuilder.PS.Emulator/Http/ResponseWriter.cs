using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Http;

/// <summary>A response ready to send: status, headers and body bytes.</summary>
internal sealed record WireResponse(int Status, byte[] Body, string ContentType, string? ErrorType = null);

/// <summary>Lays out responses and errors the way the JSON protocols put them on the wire.</summary>
internal static class ResponseWriter
{
    public static WireResponse Success(ServiceDef service, OperationDef operation, IAwsStructure? output)
    {
        var body = output is null
            ? "{}"u8.ToArray()
            : JsonBytes.Write(w => JsonShapeWriter.WriteBodyMembers(w, output));
        return new WireResponse(operation.SuccessStatusCode, body, ContentType(service));
    }

    /// <summary>
    /// rest-json: the code in x-amzn-ErrorType and {"message"} in the body; awsJson: the same header and
    /// {"__type","message"} in the body.
    /// </summary>
    public static WireResponse Error(ServiceDef? service, ServiceError error, bool? awsJsonRequest = null)
    {
        bool awsJson = awsJsonRequest ?? (service is not null && service.Protocol != WireProtocol.RestJson);
        var body = JsonBytes.Write(w =>
        {
            w.WriteStartObject();
            if (awsJson)
            {
                w.WriteString("__type", error.Code);
            }
            w.WriteString("message", error.Message);
            w.WriteEndObject();
        });
        var contentType = service is not null ? ContentType(service) : awsJson ? "application/x-amz-json-1.1" : "application/json";
        return new WireResponse(error.Status, body, contentType, error.Code);
    }

    /// <summary>A fingerprint of a request's content without its client token, to tell a retry from a different request.</summary>
    public static string Fingerprint(IAwsStructure input)
    {
        var bytes = JsonBytes.Write(w =>
        {
            w.WriteStartObject();
            foreach (var member in input.GetShape().Members)
            {
                if (member.IsIdempotencyToken || input.GetMember(member.Index) is not { } value)
                {
                    continue;
                }
                w.WritePropertyName(member.WireName);
                JsonShapeWriter.WriteValue(w, member.Shape, value, member.EffectiveTimestampFormat);
            }
            w.WriteEndObject();
        });
        return Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(bytes));
    }

    /// <summary>The scope a pagination token is bound to: the operation and every input except the token and the page size.</summary>
    public static string PagingScope(string operation, IAwsStructure input)
    {
        var bytes = JsonBytes.Write(w =>
        {
            w.WriteStartObject();
            foreach (var member in input.GetShape().Members)
            {
                if (member.WireName is "nextToken" or "NextToken" or "maxResults" or "MaxResults" or "limit" || input.GetMember(member.Index) is not { } value)
                {
                    continue;
                }
                w.WritePropertyName(member.WireName);
                JsonShapeWriter.WriteValue(w, member.Shape, value, member.EffectiveTimestampFormat);
            }
            w.WriteEndObject();
        });
        return operation + ":" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(bytes));
    }

    private static string ContentType(ServiceDef service) => service.Protocol switch
    {
        WireProtocol.RestJson => "application/json",
        WireProtocol.AwsJson10 => "application/x-amz-json-1.0",
        _ => "application/x-amz-json-1.1",
    };
}
