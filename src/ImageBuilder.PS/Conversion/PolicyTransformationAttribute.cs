using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using ImageBuilder.PS.Base;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// A resource policy parameter takes JSON text, or a hashtable/PSCustomObject that this writes as JSON (without it
    /// the hashtable would arrive as the text "System.Collections.Hashtable"). Text passes unchanged: the cmdlet checks
    /// it with <see cref="PolicyText"/>, so that a refusal is an InvalidArgument error like any other bad value.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class PolicyTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (!PropertyBag.IsBag(inputData))
            {
                return inputData;
            }
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(writer, inputData, 0);
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void Write(Utf8JsonWriter writer, object? item, int depth)
        {
            if (depth > 32)
            {
                throw new ArgumentTransformationMetadataException("The policy nests more than 32 levels deep.");
            }
            var value = PropertyBag.Unwrap(item);
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case string s:
                    writer.WriteStringValue(s);
                    return;
                case bool b:
                    writer.WriteBooleanValue(b);
                    return;
                case int or long or short or byte or sbyte or uint or ulong or ushort:
                    writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                    return;
                case double or float or decimal:
                    writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    return;
                case DateTime time:
                    writer.WriteStringValue(time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    return;
            }
            if (PropertyBag.IsBag(value))
            {
                writer.WriteStartObject();
                foreach (var property in PropertyBag.Read(item!))
                {
                    writer.WritePropertyName(property.Key);
                    Write(writer, property.Value, depth + 1);
                }
                writer.WriteEndObject();
                return;
            }
            if (value is IEnumerable items)
            {
                writer.WriteStartArray();
                foreach (var element in items)
                {
                    Write(writer, element, depth + 1);
                }
                writer.WriteEndArray();
                return;
            }
            writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// Checks a policy before it is sent. The service answers text that is not a JSON object with a parser message
    /// ("'S' is an invalid start of a value") that names neither the parameter nor the value.
    /// </summary>
    internal static class PolicyText
    {
        /// <summary>An InvalidArgument error naming -Policy, or null when the text is a JSON object.</summary>
        public static ErrorRecord? Refusal(string policy)
        {
            string problem;
            try
            {
                using var document = JsonDocument.Parse(policy);
                var kind = document.RootElement.ValueKind;
                if (kind == JsonValueKind.Object)
                {
                    return null;
                }
                problem = $"it is a JSON {kind.ToString().ToLowerInvariant()}, where a policy is a JSON object such as {{\"Version\":\"2012-10-17\",\"Statement\":[...]}}, or a hashtable";
            }
            catch (JsonException e)
            {
                problem = $"it is not JSON ({e.Message}); give the policy's JSON text or a hashtable";
            }
            var shown = policy.Length > 40 ? policy.Substring(0, 40) + "..." : policy;
            return ErrorRecords.InvalidInput("ParameterValueInvalid", $"The value '{shown}' of -Policy is not valid: {problem}.", policy);
        }
    }
}
