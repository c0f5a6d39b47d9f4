using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>Writes values as the JSON protocols (rest-json and awsJson) put them in a body.</summary>
    public static class JsonShapeWriter
    {
        private const string Redacted = "*** sensitive ***";

        /// <summary>Writes the members of a structure that travel in the body, as one JSON object.</summary>
        /// <param name="redact">Replace values the model marks sensitive (for logs; never for the wire).</param>
        public static void WriteBodyMembers(Utf8JsonWriter writer, IAwsStructure value, bool redact = false)
        {
            writer.WriteStartObject();
            foreach (var member in value.GetShape().Members)
            {
                if (member.Location != MemberLocation.Body)
                {
                    continue;
                }
                var memberValue = value.GetMember(member.Index);
                if (memberValue is null)
                {
                    continue;
                }
                writer.WritePropertyName(member.SerializedName);
                WriteValue(writer, member.Shape, memberValue, member.EffectiveTimestampFormat, redact);
            }
            writer.WriteEndObject();
        }

        public static void WriteValue(Utf8JsonWriter writer, ShapeDef shape, object value, TimestampFormat timestampFormat = TimestampFormat.Default, bool redact = false)
        {
            if (redact && shape.IsSensitive)
            {
                writer.WriteStringValue(Redacted);
                return;
            }
            if (shape.IsDocument)
            {
                WriteDocument(writer, value);
                return;
            }
            switch (shape.Kind)
            {
                case ShapeKind.Structure:
                    WriteStructure(writer, (IAwsStructure)value, redact);
                    break;
                case ShapeKind.List:
                    writer.WriteStartArray();
                    foreach (var item in (IEnumerable)value)
                    {
                        if (item is null) writer.WriteNullValue();
                        else WriteValue(writer, shape.Element!, item, TimestampFormat.Default, redact);
                    }
                    writer.WriteEndArray();
                    break;
                case ShapeKind.Map:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in (IDictionary)value)
                    {
                        writer.WritePropertyName((string)entry.Key);
                        if (entry.Value is null) writer.WriteNullValue();
                        else WriteValue(writer, shape.Value!, entry.Value, TimestampFormat.Default, redact);
                    }
                    writer.WriteEndObject();
                    break;
                case ShapeKind.Timestamp:
                    var when = (DateTime)value;
                    var format = timestampFormat == TimestampFormat.Default ? TimestampFormat.EpochSeconds : timestampFormat;
                    if (format == TimestampFormat.EpochSeconds) writer.WriteNumberValue(WireFormat.EpochSeconds(when));
                    else writer.WriteStringValue(WireFormat.FormatTimestamp(when, format));
                    break;
                case ShapeKind.Blob:
                    writer.WriteBase64StringValue((byte[])value);
                    break;
                case ShapeKind.Double:
                    WriteDouble(writer, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case ShapeKind.Float:
                    var single = Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture);
                    if (float.IsNaN(single) || float.IsInfinity(single)) writer.WriteStringValue(WireFormat.FormatFloat(single));
                    else writer.WriteNumberValue(single);
                    break;
                default:
                    WriteScalar(writer, shape, value);
                    break;
            }
        }

        private static void WriteStructure(Utf8JsonWriter writer, IAwsStructure value, bool redact)
        {
            writer.WriteStartObject();
            foreach (var member in value.GetShape().Members)
            {
                var memberValue = value.GetMember(member.Index);
                if (memberValue is null)
                {
                    continue;
                }
                writer.WritePropertyName(member.SerializedName);
                WriteValue(writer, member.Shape, memberValue, member.EffectiveTimestampFormat, redact);
            }
            writer.WriteEndObject();
        }

        private static void WriteScalar(Utf8JsonWriter writer, ShapeDef shape, object value)
        {
            switch (value)
            {
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case DateTime d: writer.WriteStringValue(WireFormat.FormatIso8601(d)); break;
                case int i: writer.WriteNumberValue(i); break;
                case long l: writer.WriteNumberValue(l); break;
                case short s16: writer.WriteNumberValue(s16); break;
                case sbyte s8: writer.WriteNumberValue(s8); break;
                case decimal m: writer.WriteNumberValue(m); break;
                case double d: WriteDouble(writer, d); break;
                case float f: writer.WriteNumberValue(f); break;
                default:
                    throw new ArgumentException($"A value of type {value.GetType().Name} cannot be written as {shape.Name} ({shape.Kind}).");
            }
        }

        private static void WriteDouble(Utf8JsonWriter writer, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) writer.WriteStringValue(WireFormat.FormatDouble(value));
            else writer.WriteNumberValue(value);
        }

        /// <summary>Writes an untyped document: dictionaries, lists and JSON-compatible scalars.</summary>
        public static void WriteDocument(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case JsonElement element: element.WriteTo(writer); break;
                case IDictionary map:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                        WriteDocument(writer, entry.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items) WriteDocument(writer, item);
                    writer.WriteEndArray();
                    break;
                case int i: writer.WriteNumberValue(i); break;
                case long l: writer.WriteNumberValue(l); break;
                case double d: WriteDouble(writer, d); break;
                case float f: writer.WriteNumberValue(f); break;
                case decimal m: writer.WriteNumberValue(m); break;
                case IConvertible c: writer.WriteNumberValue(c.ToDouble(System.Globalization.CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException($"A value of type {value.GetType().Name} cannot be written into a JSON document.");
            }
        }
    }
}
