using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.UnitTests.Protocol;

/// <summary>Converts between the vectors' JSON notation of values and the protocol engine's values.</summary>
public static class VectorValues
{
    /// <summary>The vectors write timestamps as epoch seconds and blobs as their text.</summary>
    public static object? FromJson(JsonElement json, ShapeDef shape)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (shape.IsDocument)
        {
            var bytes = Encoding.UTF8.GetBytes(json.GetRawText());
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            return JsonShapeReader.ReadDocument(ref reader);
        }
        switch (shape.Kind)
        {
            case ShapeKind.Structure:
                var structure = JsonShapeReader.CreateStructure(shape);
                foreach (var property in json.EnumerateObject())
                {
                    var member = shape.Members.First(m => m.WireName == property.Name);
                    var value = FromJson(property.Value, member.Shape);
                    if (value is not null) structure.SetMember(member.Index, value);
                }
                return structure;
            case ShapeKind.List:
                return json.EnumerateArray().Select(item => FromJson(item, shape.Element!)).ToList();
            case ShapeKind.Map:
                var map = new Dictionary<string, object?>();
                foreach (var property in json.EnumerateObject()) map[property.Name] = FromJson(property.Value, shape.Value!);
                return map;
            case ShapeKind.String: return json.GetString();
            case ShapeKind.Boolean: return json.GetBoolean();
            case ShapeKind.Byte: return (sbyte)json.GetInt32();
            case ShapeKind.Short: return json.GetInt16();
            case ShapeKind.Integer: return json.GetInt32();
            case ShapeKind.Long: return json.GetInt64();
            case ShapeKind.BigInteger:
            case ShapeKind.BigDecimal: return json.GetDecimal();
            case ShapeKind.Float: return (float)Double(json);
            case ShapeKind.Double: return Double(json);
            case ShapeKind.Timestamp: return WireFormat.FromEpochSeconds(json.GetDouble());
            case ShapeKind.Blob: return Encoding.UTF8.GetBytes(json.GetString()!);
            default: throw new NotSupportedException(shape.Kind.ToString());
        }
    }

    /// <summary>The engine's value in the vectors' notation, for comparison with an expected result.</summary>
    public static JsonNode? ToJson(object? value, ShapeDef shape)
    {
        if (value is null)
        {
            return null;
        }
        if (shape.IsDocument)
        {
            return JsonNode.Parse(JsonBytes.Write(w => JsonShapeWriter.WriteDocument(w, value)));
        }
        switch (shape.Kind)
        {
            case ShapeKind.Structure:
                var structure = (IAwsStructure)value;
                var obj = new JsonObject();
                foreach (var member in shape.Members)
                {
                    var memberValue = structure.GetMember(member.Index);
                    if (memberValue is not null) obj[member.WireName] = ToJson(memberValue, member.Shape);
                }
                return obj;
            case ShapeKind.List:
                var array = new JsonArray();
                foreach (var item in (IEnumerable)value) array.Add(ToJson(item, shape.Element!));
                return array;
            case ShapeKind.Map:
                var map = new JsonObject();
                foreach (DictionaryEntry entry in (IDictionary)value) map[(string)entry.Key] = ToJson(entry.Value, shape.Value!);
                return map;
            case ShapeKind.Timestamp: return JsonValue.Create(WireFormat.EpochSeconds((DateTime)value));
            case ShapeKind.Blob: return JsonValue.Create(Encoding.UTF8.GetString((byte[])value));
            case ShapeKind.Float:
            case ShapeKind.Double:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return double.IsNaN(d) || double.IsInfinity(d) ? JsonValue.Create(WireFormat.FormatDouble(d)) : JsonValue.Create(d);
            case ShapeKind.String: return JsonValue.Create((string)value);
            case ShapeKind.Boolean: return JsonValue.Create((bool)value);
            default: return JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>JSON equality where numbers compare by value (1.1 as float and as double are the same number here).</summary>
    public static bool Same(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }
        switch (expected)
        {
            case JsonObject eo:
                if (actual is not JsonObject ao || eo.Count != ao.Count) return false;
                return eo.All(p => ao.TryGetPropertyValue(p.Key, out var v) && Same(p.Value, v));
            case JsonArray ea:
                if (actual is not JsonArray aa || ea.Count != aa.Count) return false;
                return ea.Select((e, i) => Same(e, aa[i])).All(x => x);
            default:
                var ev = expected.AsValue();
                var av = actual.AsValue();
                if (ev.GetValueKind() == JsonValueKind.Number && av.GetValueKind() == JsonValueKind.Number)
                {
                    var x = double.Parse(ev.ToJsonString(), CultureInfo.InvariantCulture);
                    var y = double.Parse(av.ToJsonString(), CultureInfo.InvariantCulture);
                    return Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(x));
                }
                return ev.ToJsonString() == av.ToJsonString();
        }
    }

    private static double Double(JsonElement json) =>
        json.ValueKind == JsonValueKind.String && WireFormat.TryParseDouble(json.GetString()!, out var parsed) ? parsed : json.GetDouble();
}
