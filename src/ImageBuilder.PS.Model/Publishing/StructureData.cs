using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Model.Publishing
{
    /// <summary>
    /// A structure as plain data a person reads in a file: members in the model's order under their wire names,
    /// and nothing for a member that is absent or empty, so an exported file holds only what was set.
    /// </summary>
    public static class StructureData
    {
        public static OrderedDictionary From(IAwsStructure structure, Func<string, bool>? skip = null)
        {
            var data = new OrderedDictionary(StringComparer.Ordinal);
            foreach (var member in structure.GetShape().Members)
            {
                if (skip?.Invoke(member.WireName) == true) continue;
                var value = Plain(structure.GetMember(member.Index));
                if (value is not null) data[member.WireName] = value;
            }
            return data;
        }

        /// <summary>
        /// A map's entries through its IDictionary enumerator: a generic Dictionary (a resource's tags) enumerated
        /// as a plain IEnumerable gives KeyValuePairs, not DictionaryEntries.
        /// </summary>
        private static IEnumerable<DictionaryEntry> Entries(IDictionary map)
        {
            var enumerator = map.GetEnumerator();
            while (enumerator.MoveNext())
            {
                yield return enumerator.Entry;
            }
        }

        private static object? Plain(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string s:
                    return s.Length == 0 ? null : s;
                case IAwsStructure structure:
                    var data = From(structure);
                    return data.Count == 0 ? null : data;
                case IDictionary map:
                    if (map.Count == 0) return null;
                    var entries = new OrderedDictionary(StringComparer.Ordinal);
                    foreach (var entry in Entries(map).OrderBy(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture), StringComparer.Ordinal))
                    {
                        entries[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = Plain(entry.Value);
                    }
                    return entries;
                case IEnumerable items:
                    var list = items.Cast<object?>().Select(Plain).ToList();
                    return list.Count == 0 ? null : list;
                case DateTime time:
                    return time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                default:
                    return value;
            }
        }
    }
}
