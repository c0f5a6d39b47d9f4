using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using YamlDotNet.Serialization;

namespace ImageBuilder.PS.Documents
{
    /// <summary>
    /// Writes a document given as PowerShell data (hashtables, ordered dictionaries, PSCustomObjects, arrays) as
    /// YAML. Keys of plain hashtables have no order, so the keys documents use are put in their usual order.
    /// </summary>
    public static class YamlWriter
    {
        private static readonly string[] KeyOrder =
        {
            "name", "description", "schemaVersion", "parameters", "constants", "phases", "action", "type", "default",
            "value", "onFailure", "timeoutSeconds", "maxAttempts", "if", "loop", "steps", "inputs", "outputs",
        };

        private static readonly ISerializer Serializer = new SerializerBuilder().DisableAliases().Build();

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
                case double d when d == Math.Floor(d) && !double.IsInfinity(d):
                    return d.ToString("0.0", CultureInfo.InvariantCulture);
                case IFormattable f when value is not DateTime:
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
    }
}
