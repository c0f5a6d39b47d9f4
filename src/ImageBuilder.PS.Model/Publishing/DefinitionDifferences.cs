using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ImageBuilder.PS.Documents;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Model.Publishing
{
    /// <summary>One property in which a definition differs from the stored version, and how, in words.</summary>
    public sealed class DefinitionDifference
    {
        public DefinitionDifference(string property, string change)
        {
            Property = property;
            Change = change;
        }

        /// <summary>The property, named as the cmdlet's parameter is: Document, Description, Component, ...</summary>
        public string Property { get; }
        /// <summary>How it changed: "'old' -> 'new'", "3 lines removed, 4 added", ...</summary>
        public string Change { get; }

        public override string ToString() => $"{Property}: {Change}";
    }

    /// <summary>
    /// The properties of a definition (a component, workflow or recipe) compared with a version the service keeps,
    /// each normalised the same way on both sides, and the ones that differ. A property left out and one given
    /// empty are the same.
    /// </summary>
    public sealed class DefinitionDifferences
    {
        private const int ShownLength = 60;
        private readonly List<DefinitionDifference> _found = new();

        public IReadOnlyList<DefinitionDifference> Found => _found;

        public bool Any => _found.Count > 0;

        /// <summary>The names of the properties that differ, for a message: "Document, Description".</summary>
        public string Names => string.Join(", ", _found.Select(f => f.Property));

        /// <summary>Text the service keeps as given (a description, a KMS key, a parent image).</summary>
        public DefinitionDifferences Text(string property, string? stored, string? wanted, StringComparison comparison = StringComparison.Ordinal)
        {
            if (!string.Equals(stored ?? "", wanted ?? "", comparison))
            {
                _found.Add(new DefinitionDifference(property, $"{Shown(stored)} -> {Shown(wanted)}"));
            }
            return this;
        }

        /// <summary>A YAML document, compared line by line as <see cref="DocumentText"/> normalises it.</summary>
        public DefinitionDifferences Document(string property, string? stored, string? wanted)
        {
            var changes = LineDiff.Compare(DocumentText.Lines(stored), DocumentText.Lines(wanted));
            if (changes.Count > 0)
            {
                var removed = changes.Count(c => c.SideIndicator == DocumentLineDifference.ReferenceOnly);
                var added = changes.Count - removed;
                _found.Add(new DefinitionDifference(property, $"{Lines(removed)} removed, {Lines(added)} added"));
            }
            return this;
        }

        /// <summary>Values whose order does not matter (supported OS versions).</summary>
        public DefinitionDifferences Set(string property, IEnumerable<string>? stored, IEnumerable<string>? wanted)
        {
            var before = new HashSet<string>(stored ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
            var after = new HashSet<string>(wanted ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
            if (!before.SetEquals(after))
            {
                var parts = after.Except(before).Select(v => "+" + Shown(v)).Concat(before.Except(after).Select(v => "-" + Shown(v)));
                _found.Add(new DefinitionDifference(property, string.Join(", ", parts)));
            }
            return this;
        }

        /// <summary>Names to values (AMI tags); the order of entries does not matter.</summary>
        public DefinitionDifferences Map(string property, IDictionary<string, string>? stored, IDictionary<string, string>? wanted)
        {
            var before = stored ?? new Dictionary<string, string>();
            var after = wanted ?? new Dictionary<string, string>();
            var changed = after.Keys.Union(before.Keys).Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b).OrderBy(k => k, StringComparer.Ordinal).ToList();
            if (changed.Count > 0)
            {
                _found.Add(new DefinitionDifference(property, string.Join(", ", changed)));
            }
            return this;
        }

        /// <summary>
        /// Structures in an order that matters (a recipe's components with their parameters, block device
        /// mappings, AMI watermarks), compared member by member; a member left out and one empty are the same.
        /// </summary>
        public DefinitionDifferences Structures(string property, IEnumerable? stored, IEnumerable? wanted)
        {
            var before = Canonical(stored);
            var after = Canonical(wanted);
            if (before.SequenceEqual(after, StringComparer.Ordinal))
            {
                return this;
            }
            string change;
            if (before.Count != after.Count)
            {
                change = $"{Items(before.Count)} -> {Items(after.Count)}";
            }
            else
            {
                var differing = Enumerable.Range(0, before.Count).Where(i => before[i] != after[i]).Select(i => (i + 1).ToString(CultureInfo.InvariantCulture));
                change = "item " + string.Join(", ", differing) + " differs";
            }
            _found.Add(new DefinitionDifference(property, change));
            return this;
        }

        /// <summary>A single structure (an instance configuration), compared as <see cref="Structures"/> does.</summary>
        public DefinitionDifferences Structure(string property, IAwsStructure? stored, IAwsStructure? wanted)
        {
            var before = stored is null ? "" : CanonicalValue(stored);
            var after = wanted is null ? "" : CanonicalValue(wanted);
            if (before != after)
            {
                _found.Add(new DefinitionDifference(property, before.Length == 0 ? "added" : after.Length == 0 ? "removed" : "changed"));
            }
            return this;
        }

        /// <summary>
        /// Any one setting of a configuration (text, a number, a flag, a list, a structure): a scalar says how it
        /// changed, anything larger whether it was added, removed or changed. Empty and absent are the same.
        /// </summary>
        public DefinitionDifferences Value(string property, object? stored, object? wanted)
        {
            var before = IsEmpty(stored) ? "" : CanonicalValue(stored!);
            var after = IsEmpty(wanted) ? "" : CanonicalValue(wanted!);
            if (before == after)
            {
                return this;
            }
            var scalar = stored is null or string or bool or IFormattable && wanted is null or string or bool or IFormattable;
            _found.Add(new DefinitionDifference(property, scalar ? $"{Shown(Scalar(stored))} -> {Shown(Scalar(wanted))}"
                : before.Length == 0 ? "added" : after.Length == 0 ? "removed" : "changed"));
            return this;
        }

        /// <summary>The differences of two structures of one shape, member by member, each named by its wire name.</summary>
        public DefinitionDifferences Members(IAwsStructure stored, IAwsStructure wanted, Func<string, bool>? skip = null)
        {
            foreach (var member in wanted.GetShape().Members)
            {
                if (skip?.Invoke(member.WireName) == true) continue;
                Value(member.WireName, stored.GetMember(member.Index), wanted.GetMember(member.Index));
            }
            return this;
        }

        private static bool IsEmpty(object? value) => value is null || (value is string s && s.Length == 0) || (value is ICollection c && c.Count == 0);

        private static string? Scalar(object? value) => value switch
        {
            null => null,
            // Of an ARN, what tells two apart: image-recipe/golden/1.0.1, not the account the shown start would hold.
            string arn when arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Split(new[] { ':' }, 6) is { Length: 6 } parts => parts[5],
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        public override string ToString() => string.Join("; ", _found);

        private static string Shown(string? value)
        {
            if (string.IsNullOrEmpty(value)) return "(none)";
            var text = value!.Replace("\r", "").Replace('\n', ' ');
            return "'" + (text.Length <= ShownLength ? text : text.Substring(0, ShownLength) + "...") + "'";
        }

        private static string Lines(int count) => count == 1 ? "1 line" : $"{count} lines";

        private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";

        private static List<string> Canonical(IEnumerable? items)
        {
            var list = new List<string>();
            if (items is null) return list;
            foreach (var item in items)
            {
                list.Add(item is null ? "" : CanonicalValue(item));
            }
            return list;
        }

        /// <summary>
        /// One text for a value, members in the model's order, nothing for a member that is absent or empty, so that
        /// what the service fills in as empty compares equal to what was never given.
        /// </summary>
        private static string CanonicalValue(object value)
        {
            switch (value)
            {
                case string s:
                    return Quote(s);
                case IAwsStructure structure:
                    var text = new StringBuilder("{");
                    foreach (var member in structure.GetShape().Members)
                    {
                        var memberValue = structure.GetMember(member.Index);
                        if (memberValue is null || (memberValue is ICollection c && c.Count == 0) || (memberValue is string s2 && s2.Length == 0)) continue;
                        text.Append(member.WireName).Append(':').Append(CanonicalValue(memberValue)).Append(';');
                    }
                    return text.Append('}').ToString();
                case IDictionary map:
                    var entries = new List<string>();
                    foreach (DictionaryEntry entry in map) entries.Add(Quote(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "") + ":" + (entry.Value is null ? "" : CanonicalValue(entry.Value)));
                    entries.Sort(StringComparer.Ordinal);
                    return "{" + string.Join(";", entries) + "}";
                case IEnumerable items:
                    return "[" + string.Join(",", Canonical(items)) + "]";
                case bool b:
                    return b ? "true" : "false";
                case IFormattable f:
                    return f.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return Quote(value.ToString() ?? "");
            }
        }

        private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
