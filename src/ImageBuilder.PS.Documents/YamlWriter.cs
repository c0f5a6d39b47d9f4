using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ImageBuilder.PS.Documents
{
    /// <summary>
    /// Writes a document given as PowerShell data (hashtables, ordered dictionaries, PSCustomObjects, arrays) as
    /// YAML. Keys of plain hashtables have no order, so the keys documents use are put in their usual order.
    /// Values keep their type when read back: numbers and booleans are written bare, and a string that a YAML
    /// reader would take for something else ("1.10", "01234", "yes", "null") is quoted.
    /// </summary>
    public static class YamlWriter
    {
        private static readonly string[] KeyOrder =
        {
            "name", "description", "schemaVersion", "parameters", "constants", "phases", "action", "type", "default",
            "value", "onFailure", "timeoutSeconds", "maxAttempts", "if", "loop", "steps", "inputs", "outputs",
        };

        // YAML 1.1 readers (the service's document runner among them) also take "yes", "on" and the like as booleans.
        private static readonly ISerializer Serializer = new SerializerBuilder()
            .DisableAliases()
            .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
            .WithTypeConverter(new NumberConverter())
            .Build();

        public static string Write(object document) => Serializer.Serialize(Plain(document));

        private static object? Plain(object? value)
        {
            if (value is PSObject ps)
            {
                // A PSCustomObject's properties live on its PSObject wrapper, not on the object inside.
                if (ps.BaseObject is PSCustomObject)
                {
                    return Mapping(ps.Properties.Select(p => (p.Name, (object?)p.Value)), ordered: true);
                }
                value = ps.BaseObject;
            }
            switch (value)
            {
                case null:
                    return null;
                case string s:
                    return s;
                case bool b:
                    return b;
                // A whole double keeps its ".0": "schemaVersion: 1.0" must not become "schemaVersion: 1".
                case double d when d == Math.Floor(d) && !double.IsInfinity(d):
                    return new Number(d.ToString("0.0", CultureInfo.InvariantCulture));
                case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                    return new Number(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                case DateTime time:
                    return time.ToString("o", CultureInfo.InvariantCulture);
                case IFormattable f:
                    return f.ToString(null, CultureInfo.InvariantCulture);
                case IDictionary dictionary:
                    return Mapping(dictionary.Cast<DictionaryEntry>().Select(e => (Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", (object?)e.Value)),
                        ordered: dictionary is System.Collections.Specialized.IOrderedDictionary);
                case IEnumerable items:
                    return items.Cast<object?>().Select(Plain).ToList();
                default:
                    return value.ToString();
            }
        }

        private static Dictionary<string, object?> Mapping(IEnumerable<(string Key, object? Value)> entries, bool ordered)
        {
            var list = entries.ToList();
            if (!ordered)
            {
                list = list.OrderBy(e => Rank(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
            }
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in list)
            {
                map[key] = Plain(value);
            }
            return map;
        }

        private static int Rank(string key)
        {
            var index = Array.IndexOf(KeyOrder, key);
            return index < 0 ? KeyOrder.Length : index;
        }

        /// <summary>A number, written bare in the invariant culture.</summary>
        private sealed class Number
        {
            public Number(string text) => Text = text;

            public string Text { get; }
        }

        private sealed class NumberConverter : IYamlTypeConverter
        {
            public bool Accepts(Type type) => type == typeof(Number);

            public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
                throw new NotSupportedException("Documents are only written here.");

            public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, ((Number)value!).Text, ScalarStyle.Plain, true, false));
        }
    }
}
