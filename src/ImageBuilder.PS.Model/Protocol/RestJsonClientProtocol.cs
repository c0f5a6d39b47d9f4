using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>
    /// rest-json (EC2 Image Builder's protocol): members bound to the URI, query string and headers; the rest in a
    /// JSON body, or one member as the whole body (the payload trait).
    /// </summary>
    public sealed class RestJsonClientProtocol : ClientProtocol
    {
        public RestJsonClientProtocol(ServiceDef service) : base(service)
        {
        }

        public override HttpRequestData SerializeRequest(OperationDef operation, IAwsStructure? input)
        {
            var uri = operation.RequestUri;
            int question = uri.IndexOf('?');
            var request = new HttpRequestData(operation.HttpMethod, question < 0 ? uri : uri.Substring(0, question));
            if (question >= 0)
            {
                foreach (var part in uri.Substring(question + 1).Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    int eq = part.IndexOf('=');
                    request.Query.Add(eq < 0
                        ? new KeyValuePair<string, string?>(part, null)
                        : new KeyValuePair<string, string?>(part.Substring(0, eq), part.Substring(eq + 1)));
                }
            }
            request.HostPrefix = ResolveHostPrefix(operation, input);
            if (input is null)
            {
                return request;
            }
            FillIdempotencyTokens(input);

            var mapQuery = new List<KeyValuePair<string, string?>>();
            bool hasBodyMembers = false;
            foreach (var member in input.GetShape().Members)
            {
                if (member.Location == MemberLocation.Body)
                {
                    hasBodyMembers = true;
                    continue;
                }
                var value = input.GetMember(member.Index);
                if (value is null)
                {
                    continue;
                }
                switch (member.Location)
                {
                    case MemberLocation.Uri:
                        var labelFormat = member.EffectiveTimestampFormat == TimestampFormat.Default ? TimestampFormat.Iso8601 : member.EffectiveTimestampFormat;
                        request.PathLabels[member.SerializedName] = WireFormat.FormatScalar(member.Shape, value, labelFormat);
                        break;
                    case MemberLocation.QueryString:
                        AddQuery(member, value, request.Query, mapQuery);
                        break;
                    case MemberLocation.Header:
                        if (member.Shape.Kind == ShapeKind.List && ((ICollection)value).Count == 0)
                        {
                            break;
                        }
                        request.Headers[member.SerializedName] = HeaderValues.Format(member, value);
                        break;
                    case MemberLocation.HeaderMap:
                        foreach (DictionaryEntry entry in (IDictionary)value)
                        {
                            request.Headers[(member.LocationName ?? "") + (string)entry.Key] = WireFormat.FormatScalar(member.Shape.Value!, entry.Value!, TimestampFormat.HttpDate);
                        }
                        break;
                }
            }
            // A parameter named by a member wins over the same name arriving in a map of parameters.
            if (mapQuery.Count > 0)
            {
                var named = new HashSet<string>(request.Query.ConvertAll(q => q.Key), StringComparer.Ordinal);
                request.Query.AddRange(mapQuery.FindAll(pair => !named.Contains(pair.Key)));
            }

            var payload = input.GetShape().Payload;
            if (payload is not null)
            {
                WritePayload(request, payload, input.GetMember(payload.Index));
            }
            else if (hasBodyMembers)
            {
                request.Body = WriteJson(w => JsonShapeWriter.WriteBodyMembers(w, input));
                SetDefaultHeader(request, "Content-Type", "application/json");
            }
            return request;
        }

        public override IAwsStructure? DeserializeResponse(OperationDef operation, int statusCode, IHeaderSource headers, ReadOnlySpan<byte> body)
        {
            if (operation.Output is null)
            {
                return null;
            }
            var output = JsonShapeReader.CreateStructure(operation.Output);
            ReadNonBodyMembers(output, statusCode, headers);
            var payload = output.GetShape().Payload;
            if (payload is null)
            {
                JsonShapeReader.ReadBodyMembers(body, output);
                return output;
            }
            switch (payload.Shape.Kind)
            {
                case ShapeKind.Blob:
                    if (body.Length > 0) output.SetMember(payload.Index, body.ToArray());
                    break;
                case ShapeKind.String:
                    if (body.Length > 0) output.SetMember(payload.Index, Encoding.UTF8.GetString(body.ToArray()));
                    break;
                default:
                    var value = JsonShapeReader.ReadBody(body, payload.Shape);
                    if (value is not null) output.SetMember(payload.Index, value);
                    break;
            }
            return output;
        }

        private static void AddQuery(MemberDef member, object value, List<KeyValuePair<string, string?>> named, List<KeyValuePair<string, string?>> fromMaps)
        {
            var shape = member.Shape;
            var format = member.EffectiveTimestampFormat == TimestampFormat.Default ? TimestampFormat.Iso8601 : member.EffectiveTimestampFormat;
            switch (shape.Kind)
            {
                case ShapeKind.List:
                    foreach (var item in (IEnumerable)value)
                    {
                        if (item is not null)
                        {
                            named.Add(new KeyValuePair<string, string?>(member.SerializedName, WireFormat.FormatScalar(shape.Element!, item, ElementFormat(shape.Element!, format))));
                        }
                    }
                    break;
                case ShapeKind.Map:
                    foreach (DictionaryEntry entry in (IDictionary)value)
                    {
                        var key = (string)entry.Key;
                        if (entry.Value is IEnumerable items && entry.Value is not string)
                        {
                            foreach (var item in items)
                            {
                                fromMaps.Add(new KeyValuePair<string, string?>(key, WireFormat.FormatScalar(shape.Value!.Element!, item!, format)));
                            }
                        }
                        else if (entry.Value is not null)
                        {
                            fromMaps.Add(new KeyValuePair<string, string?>(key, WireFormat.FormatScalar(shape.Value!, entry.Value, format)));
                        }
                    }
                    break;
                default:
                    named.Add(new KeyValuePair<string, string?>(member.SerializedName, WireFormat.FormatScalar(shape, value, format)));
                    break;
            }
        }

        private static TimestampFormat ElementFormat(ShapeDef element, TimestampFormat memberFormat) =>
            element.TimestampFormat != TimestampFormat.Default ? element.TimestampFormat : memberFormat;

        private void WritePayload(HttpRequestData request, MemberDef payload, object? value)
        {
            var shape = payload.Shape;
            switch (shape.Kind)
            {
                case ShapeKind.Blob:
                    if (value is byte[] bytes)
                    {
                        request.Body = bytes;
                        SetDefaultHeader(request, "Content-Type", shape.MediaType ?? "application/octet-stream");
                    }
                    break;
                case ShapeKind.String:
                    if (value is string text)
                    {
                        request.Body = Encoding.UTF8.GetBytes(text);
                        SetDefaultHeader(request, "Content-Type", shape.MediaType ?? "text/plain");
                    }
                    break;
                default:
                    if (value is null && (shape.IsUnion || shape.IsDocument))
                    {
                        break;
                    }
                    request.Body = value is null ? Encoding.UTF8.GetBytes("{}") : WriteJson(w => JsonShapeWriter.WriteValue(w, shape, value));
                    SetDefaultHeader(request, "Content-Type", "application/json");
                    break;
            }
        }

        private static void SetDefaultHeader(HttpRequestData request, string name, string value)
        {
            if (!request.Headers.ContainsKey(name))
            {
                request.Headers[name] = value;
            }
        }
    }
}
