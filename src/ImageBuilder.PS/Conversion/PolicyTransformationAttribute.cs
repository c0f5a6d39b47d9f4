using System;
using System.Collections;
using System.Globalization;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Protocol;

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
            var document = Plain(inputData, 0);
            return Encoding.UTF8.GetString(JsonBytes.Write(writer => JsonShapeWriter.WriteDocument(writer, document)));
        }

        /// <summary>
        /// The PowerShell data as the plain maps, lists and scalars the protocol's document writer takes: wrappers
        /// unwrapped, keys kept in the order given, dates as UTC text, integers exact, anything else as its text.
        /// </summary>
        private static object? Plain(object? item, int depth)
        {
            if (depth > 32)
            {
                throw new ArgumentTransformationMetadataException("The policy nests more than 32 levels deep.");
            }
            var value = PropertyBag.Unwrap(item);
            switch (value)
            {
                case null or string or bool or int or long or double or decimal:
                    return value;
                case short or byte or sbyte or uint or ulong or ushort:
                    return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                case float:
                    return Convert.ToDouble(value, CultureInfo.InvariantCulture);
                case DateTime time:
                    return time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }
            if (PropertyBag.IsBag(value))
            {
                var map = new OrderedDictionary();
                foreach (var property in PropertyBag.Read(item!))
                {
                    map[property.Key] = Plain(property.Value, depth + 1);
                }
                return map;
            }
            if (value is IEnumerable items)
            {
                var list = new List<object?>();
                foreach (var element in items)
                {
                    list.Add(Plain(element, depth + 1));
                }
                return list;
            }
            return Convert.ToString(value, CultureInfo.InvariantCulture);
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
