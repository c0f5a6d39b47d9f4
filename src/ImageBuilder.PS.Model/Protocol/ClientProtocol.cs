using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>The client side of a wire protocol: lays out requests and reads responses and errors.</summary>
    public abstract class ClientProtocol
    {
        public static ClientProtocol For(ServiceDef service) => service.Protocol switch
        {
            WireProtocol.RestJson => new RestJsonClientProtocol(service),
            _ => new AwsJsonClientProtocol(service),
        };

        protected ClientProtocol(ServiceDef service) => Service = service;

        public ServiceDef Service { get; }

        public abstract HttpRequestData SerializeRequest(OperationDef operation, IAwsStructure? input);

        public abstract IAwsStructure? DeserializeResponse(OperationDef operation, int statusCode, IHeaderSource headers, ReadOnlySpan<byte> body);

        /// <summary>Decodes an error response: code from the x-amzn-ErrorType header, else the body's __type or code.</summary>
        public ServiceErrorData DeserializeError(OperationDef? operation, int statusCode, IHeaderSource headers, ReadOnlySpan<byte> body)
        {
            string? code = SanitizeErrorCode(headers.Get("x-amzn-ErrorType"));
            string? message = null;
            Dictionary<string, object?>? document = null;
            try
            {
                document = JsonShapeReader.ReadBody(body, DocumentShape) as Dictionary<string, object?>;
            }
            catch (JsonException)
            {
                // A proxy or load balancer may answer with HTML or plain text; the status code is all there is then.
            }
            catch (FormatException)
            {
            }
            if (document is not null)
            {
                code ??= SanitizeErrorCode(document.TryGetValue("__type", out var t) ? t as string : null)
                         ?? SanitizeErrorCode(document.TryGetValue("code", out var c) ? c as string : null)
                         ?? SanitizeErrorCode(document.TryGetValue("Code", out var c2) ? c2 as string : null);
                message = (document.TryGetValue("message", out var m) ? m as string : null)
                          ?? (document.TryGetValue("Message", out var m2) ? m2 as string : null)
                          ?? (document.TryGetValue("errorMessage", out var m3) ? m3 as string : null);
            }
            code ??= DefaultErrorCode(statusCode);
            var error = new ServiceErrorData(code, message, statusCode)
            {
                RequestId = headers.Get("x-amzn-RequestId") ?? headers.Get("x-amz-request-id"),
            };
            var shape = FindErrorShape(operation, code);
            if (shape is not null)
            {
                var detail = JsonShapeReader.CreateStructure(shape);
                ReadNonBodyMembers(detail, statusCode, headers);
                if (document is not null)
                {
                    try
                    {
                        JsonShapeReader.ReadBodyMembers(body, detail);
                    }
                    catch (Exception e) when (e is JsonException || e is FormatException || e is InvalidOperationException)
                    {
                        // The code and message are what matter; a malformed detail member must not hide them.
                    }
                }
                error.Detail = detail;
            }
            return error;
        }

        /// <summary>Strips what some services add around an error code: a namespace before '#', a URI after ':'.</summary>
        public static string? SanitizeErrorCode(string? raw)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }
            var code = raw!;
            int colon = code.IndexOf(':');
            if (colon >= 0) code = code.Substring(0, colon);
            int hash = code.LastIndexOf('#');
            if (hash >= 0) code = code.Substring(hash + 1);
            code = code.Trim();
            return code.Length == 0 ? null : code;
        }

        private static string DefaultErrorCode(int statusCode) => statusCode switch
        {
            400 => "BadRequest",
            403 => "AccessDenied",
            404 => "NotFound",
            413 => "RequestEntityTooLarge",
            429 => "TooManyRequests",
            500 => "InternalFailure",
            502 => "BadGateway",
            503 => "ServiceUnavailable",
            504 => "GatewayTimeout",
            _ => "HttpStatus" + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        private ShapeDef? FindErrorShape(OperationDef? operation, string code)
        {
            if (operation is not null)
            {
                foreach (var error in operation.Errors)
                {
                    if (string.Equals(error.ErrorCodeOrName, code, StringComparison.Ordinal) || string.Equals(error.Name, code, StringComparison.Ordinal))
                    {
                        return error;
                    }
                }
            }
            return Service.FindError(code);
        }

        /// <summary>Fills the members that travel outside the body: status code and headers.</summary>
        protected static void ReadNonBodyMembers(IAwsStructure target, int statusCode, IHeaderSource headers)
        {
            foreach (var member in target.GetShape().Members)
            {
                switch (member.Location)
                {
                    case MemberLocation.StatusCode:
                        target.SetMember(member.Index, statusCode);
                        break;
                    case MemberLocation.Header:
                        var text = headers.Get(member.SerializedName);
                        if (text is not null)
                        {
                            target.SetMember(member.Index, HeaderValues.Parse(member, text));
                        }
                        break;
                    case MemberLocation.HeaderMap:
                        var map = (IDictionary)(member.Shape.Factory?.Invoke() ?? new Dictionary<string, object?>());
                        var prefix = member.LocationName ?? "";
                        foreach (var name in headers.Names)
                        {
                            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                            {
                                map[name.Substring(prefix.Length)] = WireFormat.ParseScalar(member.Shape.Value!, headers.Get(name)!);
                            }
                        }
                        if (map.Count > 0)
                        {
                            target.SetMember(member.Index, map);
                        }
                        break;
                }
            }
        }

        protected static byte[] WriteJson(Action<Utf8JsonWriter> write) => JsonBytes.Write(write);

        /// <summary>Gives every unset idempotency token a fresh UUID (a caller that set one keeps it).</summary>
        protected static void FillIdempotencyTokens(IAwsStructure input)
        {
            foreach (var member in input.GetShape().Members)
            {
                if (member.IsIdempotencyToken && input.GetMember(member.Index) is null)
                {
                    input.SetMember(member.Index, Guid.NewGuid().ToString());
                }
            }
        }

        protected static string? ResolveHostPrefix(OperationDef operation, IAwsStructure? input)
        {
            if (operation.HostPrefix is null)
            {
                return null;
            }
            var prefix = operation.HostPrefix;
            if (input is not null)
            {
                foreach (var member in input.GetShape().Members)
                {
                    if (member.IsHostLabel && input.GetMember(member.Index) is string label)
                    {
                        prefix = prefix.Replace("{" + member.WireName + "}", label);
                    }
                }
            }
            return prefix;
        }

        /// <summary>A shape that reads any JSON as a document: used for error bodies before the code is known.</summary>
        private static readonly ShapeDef DocumentShape = new("Document", ShapeKind.Document) { IsDocument = true };
    }
}
