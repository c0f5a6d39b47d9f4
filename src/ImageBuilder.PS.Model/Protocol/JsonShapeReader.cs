using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>Reads JSON protocol bodies into structure values, member by member, skipping what the model does not know.</summary>
    public static class JsonShapeReader
    {
        private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

        /// <summary>Reads a whole body as one value of the shape. An empty body gives null.</summary>
        public static object? ReadBody(ReadOnlySpan<byte> body, ShapeDef shape, TimestampFormat timestampFormat = TimestampFormat.Default)
        {
            if (IsBlank(body))
            {
                return null;
            }
            var reader = new Utf8JsonReader(body, Options);
            if (!reader.Read())
            {
                return null;
            }
            return ReadValue(ref reader, shape, timestampFormat);
        }

        /// <summary>Reads the body members of a structure into an existing value (the others come from headers and status).</summary>
        public static void ReadBodyMembers(ReadOnlySpan<byte> body, IAwsStructure target)
        {
            if (IsBlank(body))
            {
                return;
            }
            var reader = new Utf8JsonReader(body, Options);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Expected a JSON object for {target.GetShape().Name} but found {reader.TokenType}.");
            }
            ReadMembers(ref reader, target);
        }

        public static object? ReadValue(ref Utf8JsonReader reader, ShapeDef shape, TimestampFormat timestampFormat = TimestampFormat.Default)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }
            if (shape.IsDocument)
            {
                return ReadDocument(ref reader);
            }
            switch (shape.Kind)
            {
                case ShapeKind.Structure:
                    Expect(ref reader, JsonTokenType.StartObject, shape);
                    var structure = CreateStructure(shape);
                    ReadMembers(ref reader, structure);
                    return structure;
                case ShapeKind.List:
                    Expect(ref reader, JsonTokenType.StartArray, shape);
                    var list = (IList)(shape.Factory?.Invoke() ?? new List<object?>());
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        list.Add(ReadValue(ref reader, shape.Element!));
                    }
                    return list;
                case ShapeKind.Map:
                    Expect(ref reader, JsonTokenType.StartObject, shape);
                    var map = (IDictionary)(shape.Factory?.Invoke() ?? new Dictionary<string, object?>());
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = reader.GetString()!;
                        reader.Read();
                        map[key] = ReadValue(ref reader, shape.Value!);
                    }
                    return map;
                case ShapeKind.String:
                    var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : RawText(ref reader);
                    if (shape.IsDateString && WireFormat.TryParseTimestamp(text, out var date))
                    {
                        return date;
                    }
                    return text;
                case ShapeKind.Boolean:
                    return reader.TokenType == JsonTokenType.String ? bool.Parse(reader.GetString()!) : reader.GetBoolean();
                case ShapeKind.Byte: return checked((sbyte)reader.GetInt32());
                case ShapeKind.Short: return reader.GetInt16();
                case ShapeKind.Integer: return reader.GetInt32();
                case ShapeKind.Long: return reader.GetInt64();
                case ShapeKind.BigInteger:
                case ShapeKind.BigDecimal: return reader.GetDecimal();
                case ShapeKind.Double: return ReadDouble(ref reader);
                case ShapeKind.Float: return (float)ReadDouble(ref reader);
                case ShapeKind.Timestamp:
                    if (reader.TokenType == JsonTokenType.Number)
                    {
                        return WireFormat.FromEpochSeconds(reader.GetDouble());
                    }
                    var stamp = reader.GetString()!;
                    return WireFormat.TryParseTimestamp(stamp, out var parsed) ? parsed : throw new JsonException($"'{stamp}' is not a timestamp ({shape.Name}).");
                case ShapeKind.Blob:
                    return reader.GetBytesFromBase64();
                default:
                    throw new JsonException($"Cannot read a {shape.Kind}.");
            }
        }

        /// <summary>Reads any JSON value as dictionaries, lists, strings, numbers (long when whole, else double), booleans.</summary>
        public static object? ReadDocument(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return null;
                case JsonTokenType.True: return true;
                case JsonTokenType.False: return false;
                case JsonTokenType.String: return reader.GetString();
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out var whole) ? whole : reader.GetDouble();
                case JsonTokenType.StartArray:
                    var list = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        list.Add(ReadDocument(ref reader));
                    }
                    return list;
                case JsonTokenType.StartObject:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = reader.GetString()!;
                        reader.Read();
                        map[key] = ReadDocument(ref reader);
                    }
                    return map;
                default:
                    throw new JsonException($"Unexpected {reader.TokenType} in a document.");
            }
        }

        public static IAwsStructure CreateStructure(ShapeDef shape) =>
            (IAwsStructure?)shape.Factory?.Invoke() ?? new DynamicStructure(shape);

        private static void ReadMembers(ref Utf8JsonReader reader, IAwsStructure target)
        {
            var shape = target.GetShape();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var member = shape.FindBodyMember(reader.GetString()!);
                reader.Read();
                if (member is null)
                {
                    reader.Skip();
                    continue;
                }
                var value = ReadValue(ref reader, member.Shape, member.EffectiveTimestampFormat);
                if (value is not null)
                {
                    target.SetMember(member.Index, value);
                }
            }
        }

        private static double ReadDouble(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var text = reader.GetString()!;
                return WireFormat.TryParseDouble(text, out var value) ? value : throw new JsonException($"'{text}' is not a number.");
            }
            return reader.GetDouble();
        }

        private static string RawText(ref Utf8JsonReader reader) =>
            System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());

        private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, ShapeDef shape)
        {
            if (reader.TokenType != expected)
            {
                throw new JsonException($"Expected {expected} for {shape.Name} but found {reader.TokenType}.");
            }
        }

        private static bool IsBlank(ReadOnlySpan<byte> body)
        {
            foreach (var b in body)
            {
                if (b != (byte)' ' && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t')
                {
                    return false;
                }
            }
            return true;
        }
    }
}
