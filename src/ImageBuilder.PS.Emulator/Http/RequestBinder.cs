using System.Text.Json;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Http;

/// <summary>
/// The server side of the JSON protocols' requests: builds an operation's input structure from the URI labels,
/// query string, headers and JSON body, the reverse of what the module's client protocols lay out.
/// </summary>
internal static class RequestBinder
{
    public static IAwsStructure BindRestJson(OperationDef operation, IReadOnlyDictionary<string, string> labels,
        IReadOnlyList<KeyValuePair<string, string>> query, System.Collections.Specialized.NameValueCollection headers, byte[] body)
    {
        var input = JsonShapeReader.CreateStructure(operation.Input!);
        bool hasBodyMembers = false;
        foreach (var member in input.GetShape().Members)
        {
            try
            {
                switch (member.Location)
                {
                    case MemberLocation.Uri:
                        if (labels.TryGetValue(member.SerializedName, out var label))
                        {
                            input.SetMember(member.Index, WireFormat.ParseScalar(member.Shape, label));
                        }
                        break;
                    case MemberLocation.QueryString:
                        BindQuery(input, member, query);
                        break;
                    case MemberLocation.Header:
                        // Repeated headers arrive joined with commas, as HTTP allows and the list headers expect.
                        var header = headers[member.SerializedName];
                        if (header is not null)
                        {
                            input.SetMember(member.Index, HeaderValues.Parse(member, header));
                        }
                        break;
                    case MemberLocation.Body:
                        hasBodyMembers = true;
                        break;
                }
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw ServiceError.Serialization($"The value of '{member.SerializedName}' cannot be read: {e.Message}");
            }
        }
        if (hasBodyMembers)
        {
            ReadBody(body, input);
        }
        return input;
    }

    public static IAwsStructure BindAwsJson(OperationDef operation, byte[] body)
    {
        var input = JsonShapeReader.CreateStructure(operation.Input!);
        ReadBody(body, input);
        return input;
    }

    /// <summary>Checks a body is one well-formed JSON object (or empty) before reading members from it.</summary>
    private static void ReadBody(byte[] body, IAwsStructure input)
    {
        if (body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return;
        }
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            throw ServiceError.Serialization("The request body is not valid UTF-8.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw ServiceError.Serialization("The request body is not valid JSON: " + FirstLine(e.Message));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ServiceError.Serialization("The request body must be a JSON object.");
            }
            JsonTypeCheck.Check(document.RootElement, input.GetShape(), "");
        }
        try
        {
            JsonShapeReader.ReadBodyMembers(body, input);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or InvalidCastException)
        {
            throw ServiceError.Serialization("The request body could not be read: " + FirstLine(e.Message));
        }
    }

    private static void BindQuery(IAwsStructure input, MemberDef member, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var shape = member.Shape;
        if (shape.Kind == ShapeKind.List)
        {
            var list = (System.Collections.IList)(shape.Factory?.Invoke() ?? new List<object?>());
            foreach (var pair in query)
            {
                if (pair.Key == member.SerializedName)
                {
                    list.Add(WireFormat.ParseScalar(shape.Element!, pair.Value));
                }
            }
            if (list.Count > 0)
            {
                input.SetMember(member.Index, list);
            }
            return;
        }
        foreach (var pair in query)
        {
            if (pair.Key == member.SerializedName)
            {
                input.SetMember(member.Index, WireFormat.ParseScalar(shape, pair.Value));
                return;
            }
        }
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOf('\n');
        return newline < 0 ? text : text.Substring(0, newline);
    }
}
