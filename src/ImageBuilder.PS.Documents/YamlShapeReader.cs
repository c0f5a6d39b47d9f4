using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ImageBuilder.PS.Model.Publishing;
using ImageBuilder.PS.Protocol;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImageBuilder.PS.Documents
{
    /// <summary>
    /// Reads YAML into the module's request structures by their shapes: keys are the model's member names (as the
    /// service's JSON writes them), values are checked against the member's kind. Every problem names the file, the
    /// field as a path (recipe.blockDeviceMappings[0].ebs.volumeSize) and the line, and reading goes on, so one run
    /// reports everything wrong.
    /// </summary>
    internal sealed class YamlShapeReader
    {
        private readonly string _file;

        public YamlShapeReader(string file)
        {
            _file = file;
        }

        public List<FolderProblem> Problems { get; } = new();

        public void Problem(YamlNode? at, string field, string message) =>
            Problems.Add(new FolderProblem(_file, field, at is null ? 0 : (int)at.Start.Line, message));

        /// <summary>
        /// A structure of <paramref name="shape"/> from a mapping; keys <paramref name="skip"/> accepts are left for the
        /// caller. Gives the structure and the wire names of the members the mapping names.
        /// </summary>
        public (IAwsStructure Value, List<string> Given) Structure(YamlMappingNode node, ShapeDef shape, string path, Func<string, bool>? skip = null)
        {
            var structure = JsonShapeReader.CreateStructure(shape);
            var given = new List<string>();
            foreach (var entry in node.Children)
            {
                var key = (entry.Key as YamlScalarNode)?.Value ?? "";
                if (skip?.Invoke(key) == true) continue;
                var field = Join(path, key);
                var member = shape.FindBodyMember(key) ?? shape.FindMember(key);
                if (member is null || member.IsIdempotencyToken)
                {
                    var known = shape.Members.Where(m => !m.IsIdempotencyToken && skip?.Invoke(m.WireName) != true).Select(m => m.WireName);
                    Problem(entry.Key, field, $"'{key}' is not a setting here; the settings are {string.Join(", ", known)}.");
                    continue;
                }
                given.Add(member.WireName);
                structure.SetMember(member.Index, Value(entry.Value, member.Shape, field));
            }
            return (structure, given);
        }

        /// <summary>A value of <paramref name="shape"/>; null (after a problem) when the node does not fit it.</summary>
        public object? Value(YamlNode node, ShapeDef shape, string field)
        {
            if (IsNull(node))
            {
                return null;
            }
            if (shape.IsDocument || shape.Kind is ShapeKind.Blob or ShapeKind.Document)
            {
                Problem(node, field, "this setting cannot be given in a pipeline folder.");
                return null;
            }
            switch (shape.Kind)
            {
                case ShapeKind.Structure:
                    if (node is not YamlMappingNode mapping)
                    {
                        Problem(node, field, "must be a mapping of settings (key: value lines, indented under it).");
                        return null;
                    }
                    return Structure(mapping, shape, field).Value;
                case ShapeKind.List:
                    if (node is not YamlSequenceNode sequence)
                    {
                        Problem(node, field, "must be a list (lines starting with '- ').");
                        return null;
                    }
                    var list = (IList)(shape.Factory?.Invoke() ?? new List<object?>());
                    var index = 0;
                    foreach (var item in sequence.Children)
                    {
                        list.Add(Value(item, shape.Element!, $"{field}[{index++}]"));
                    }
                    return list;
                case ShapeKind.Map:
                    if (node is not YamlMappingNode entries)
                    {
                        Problem(node, field, "must be a mapping of names to values.");
                        return null;
                    }
                    var map = (IDictionary)(shape.Factory?.Invoke() ?? new Dictionary<string, object?>());
                    foreach (var entry in entries.Children)
                    {
                        var key = (entry.Key as YamlScalarNode)?.Value ?? "";
                        map[key] = Value(entry.Value, shape.Value!, $"{field}.{key}");
                    }
                    return map;
                default:
                    if (node is not YamlScalarNode scalar)
                    {
                        Problem(node, field, $"must be a single value ({Kind(shape)}), not a list or mapping.");
                        return null;
                    }
                    return Scalar(scalar, shape, field);
            }
        }

        private object? Scalar(YamlScalarNode node, ShapeDef shape, string field)
        {
            var text = node.Value ?? "";
            var invariant = CultureInfo.InvariantCulture;
            switch (shape.Kind)
            {
                case ShapeKind.String:
                    return text;
                case ShapeKind.Boolean:
                    if (bool.TryParse(text, out var flag)) return flag;
                    break;
                case ShapeKind.Byte or ShapeKind.Short or ShapeKind.Integer:
                    if (int.TryParse(text, NumberStyles.Integer, invariant, out var number)) return number;
                    break;
                case ShapeKind.Long or ShapeKind.BigInteger:
                    if (long.TryParse(text, NumberStyles.Integer, invariant, out var big)) return big;
                    break;
                case ShapeKind.Float or ShapeKind.Double or ShapeKind.BigDecimal:
                    if (double.TryParse(text, NumberStyles.Float, invariant, out var real)) return real;
                    break;
                case ShapeKind.Timestamp:
                    if (DateTime.TryParse(text, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)) return time;
                    break;
            }
            Problem(node, field, $"'{text}' is not {Kind(shape)}.");
            return null;
        }

        private static string Kind(ShapeDef shape) => shape.Kind switch
        {
            ShapeKind.String => "text",
            ShapeKind.Boolean => "true or false",
            ShapeKind.Byte or ShapeKind.Short or ShapeKind.Integer or ShapeKind.Long or ShapeKind.BigInteger => "a whole number",
            ShapeKind.Float or ShapeKind.Double or ShapeKind.BigDecimal => "a number",
            ShapeKind.Timestamp => "a date and time (2025-01-31T12:00:00Z)",
            _ => "a single value",
        };

        /// <summary>An empty value (key:, ~, null) clears a setting; a quoted "null" is the text.</summary>
        public static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

        public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
    }
}
