using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Validation
{
    /// <summary>One broken rule: where (a member path such as "tags" or "filters[0].name"), the value, and the rule in words.</summary>
    public sealed class Violation
    {
        public Violation(MemberDef member, string path, object? value, string rule)
        {
            Member = member;
            Path = path;
            Value = value;
            Rule = rule;
        }

        /// <summary>The top-level member of the request the violation sits under.</summary>
        public MemberDef Member { get; }
        public string Path { get; }
        public object? Value { get; }
        public string Rule { get; }

        public override string ToString() => $"{Path}: {Rule}";
    }

    /// <summary>
    /// Checks a request against its model before anything is sent: required members, lengths, ranges, patterns,
    /// unions with exactly one member. The service enforces the same rules; checking first saves a round trip and
    /// lets the error name the parameter.
    /// </summary>
    public static class RequestValidator
    {
        /// <summary>The expression, and what it asks for in words where that can be read off it.</summary>
        private static string PatternRule(string pattern) =>
            PatternWords.Describe(pattern) is { } words ? $"must match the pattern {pattern}: {words}" : $"must match the pattern {pattern}";

        public static List<Violation> Validate(IAwsStructure input)
        {
            var violations = new List<Violation>();
            foreach (var member in input.GetShape().Members)
            {
                CheckMember(member, member, member.WireName, input.GetMember(member.Index), violations);
            }
            return violations;
        }

        private static void CheckMember(MemberDef top, MemberDef member, string path, object? value, List<Violation> violations)
        {
            if (value is null)
            {
                if (member.IsRequired && !member.IsIdempotencyToken)
                {
                    violations.Add(new Violation(top, path, null, "is required"));
                }
                return;
            }
            CheckValue(top, member.Shape, path, value, violations);
        }

        private static void CheckValue(MemberDef top, ShapeDef shape, string path, object value, List<Violation> violations)
        {
            if (shape.IsDocument)
            {
                return;
            }
            switch (shape.Kind)
            {
                case ShapeKind.Structure:
                    var structure = (IAwsStructure)value;
                    int set = 0;
                    foreach (var member in shape.Members)
                    {
                        var memberValue = structure.GetMember(member.Index);
                        if (memberValue is not null) set++;
                        CheckMember(top, member, path + "." + member.WireName, memberValue, violations);
                    }
                    if (shape.IsUnion && set != 1)
                    {
                        violations.Add(new Violation(top, path, value, $"must set exactly one of {string.Join(", ", Names(shape))} (it sets {set})"));
                    }
                    break;
                case ShapeKind.List:
                    var items = (ICollection)value;
                    CheckCount(top, shape, path, value, items.Count, "items", violations);
                    int i = 0;
                    foreach (var item in items)
                    {
                        if (item is not null) CheckValue(top, shape.Element!, $"{path}[{i}]", item, violations);
                        i++;
                    }
                    break;
                case ShapeKind.Map:
                    var map = (IDictionary)value;
                    CheckCount(top, shape, path, value, map.Count, "entries", violations);
                    foreach (DictionaryEntry entry in map)
                    {
                        var key = (string)entry.Key;
                        CheckValue(top, shape.Key!, $"{path} key '{key}'", key, violations);
                        if (entry.Value is not null) CheckValue(top, shape.Value!, $"{path}['{key}']", entry.Value, violations);
                    }
                    break;
                case ShapeKind.String:
                    if (value is string text)
                    {
                        CheckCount(top, shape, path, value, LengthOf(text), "characters", violations);
                        if (shape.PatternRegex is { } regex && !Matches(regex, text))
                        {
                            violations.Add(new Violation(top, path, value, ArnRules.Describe(regex) ?? VersionRules.Describe(regex) ?? PatternRule(shape.Pattern!)));
                        }
                    }
                    break;
                case ShapeKind.Blob:
                    CheckCount(top, shape, path, value, ((byte[])value).Length, "bytes", violations);
                    break;
                case ShapeKind.Byte:
                case ShapeKind.Short:
                case ShapeKind.Integer:
                case ShapeKind.Long:
                case ShapeKind.Float:
                case ShapeKind.Double:
                    var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (shape.Min is { } min && number < min)
                    {
                        violations.Add(new Violation(top, path, value, $"must be at least {min.ToString(CultureInfo.InvariantCulture)}"));
                    }
                    if (shape.Max is { } max && number > max)
                    {
                        violations.Add(new Violation(top, path, value, $"must be at most {max.ToString(CultureInfo.InvariantCulture)}"));
                    }
                    break;
            }
        }

        private static void CheckCount(MemberDef top, ShapeDef shape, string path, object value, int count, string unit, List<Violation> violations)
        {
            if (shape.Min is { } min && count < min)
            {
                violations.Add(new Violation(top, path, value, $"must have at least {min.ToString(CultureInfo.InvariantCulture)} {unit} (it has {count})"));
            }
            if (shape.Max is { } max && count > max)
            {
                violations.Add(new Violation(top, path, value, $"must have at most {max.ToString(CultureInfo.InvariantCulture)} {unit} (it has {count})"));
            }
        }

        /// <summary>Lengths count characters as the service does: a surrogate pair is one character.</summary>
        private static int LengthOf(string text)
        {
            int length = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                length++;
            }
            return length;
        }

        private static bool Matches(Regex regex, string text)
        {
            try
            {
                return regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                // Leave it to the service rather than refuse a value over a pathological pattern.
                return true;
            }
        }

        private static IEnumerable<string> Names(ShapeDef shape)
        {
            foreach (var member in shape.Members) yield return member.WireName;
        }
    }
}
