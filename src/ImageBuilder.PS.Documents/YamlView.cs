using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ImageBuilder.PS.Documents
{
    /// <summary>
    /// A parsed YAML document and the findings made while checking it. Rule classes read nodes through it and
    /// report problems with the node's position, so every finding has a line and a column.
    /// </summary>
    /// <summary>A 1-based line and column in the document's text.</summary>
    internal readonly struct Position
    {
        public Position(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }
        public int Column { get; }
    }

    internal sealed class YamlView
    {
        private static readonly Regex Reference = new(@"\{\{\s*(?<name>[^}\s]+)\s*\}\}", RegexOptions.CultureInvariant);
        private readonly List<DocumentFinding> _findings = new();
        private readonly string[] _lines;

        private YamlView(YamlNode? root, string text)
        {
            Root = root;
            _lines = text.Split('\n');
        }

        public YamlNode? Root { get; }

        public List<DocumentFinding> Findings => _findings;

        /// <summary>The findings in the order of the text; findings at one place keep the order they were made in.</summary>
        public IReadOnlyList<DocumentFinding> InOrder() => _findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ToList();

        /// <summary>
        /// Parses the text; a syntax error becomes the one finding, at the place the parser stopped. Only the first
        /// document is checked; a second one is an error of its own.
        /// </summary>
        public static YamlView Parse(string text)
        {
            var stream = new YamlStream();
            var scanner = new Scanner(new StringReader(text));
            try
            {
                stream.Load(new Parser(scanner));
            }
            catch (YamlException e)
            {
                var view = new YamlView(null, text);
                // A tab that indents a key comes without a position, and one that breaks a plain scalar's indentation
                // is marked at the scalar; either way the scanner stopped on the tab, the thing the author must change.
                var mark = e.Message.Contains(" tab ") ? scanner.CurrentPosition : e.Start;
                view._findings.Add(new DocumentFinding(FindingSeverity.Error, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column), "", "YamlSyntax",
                    "The text is not valid YAML: " + Plain(e.Message)));
                return view;
            }
            var parsed = new YamlView(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, text);
            if (stream.Documents.Count > 1)
            {
                parsed.Error(SecondDocumentStart(text), "", "MoreThanOneDocument",
                    "A second YAML document starts here, but Image Builder takes one: move what follows into the first document, or remove it.");
            }
            return parsed;
        }

        /// <summary>Where the second document starts (its ---): the loaded documents do not keep their markers.</summary>
        private static Position SecondDocumentStart(string text)
        {
            var parser = new Parser(new StringReader(text));
            var documents = 0;
            while (parser.MoveNext())
            {
                if (parser.Current is DocumentStart start && ++documents == 2) return new Position((int)start.Start.Line, (int)start.Start.Column);
            }
            return new Position(1, 1);
        }

        public void Error(YamlNode? at, string path, string rule, string message) => Add(FindingSeverity.Error, at, path, rule, message);

        /// <summary>A finding at a place inside a scalar (a reference within a longer string).</summary>
        public void Error(Position at, string path, string rule, string message) =>
            _findings.Add(new DocumentFinding(FindingSeverity.Error, at.Line, at.Column, path, rule, message));

        public void Warning(Position at, string path, string rule, string message) =>
            _findings.Add(new DocumentFinding(FindingSeverity.Warning, at.Line, at.Column, path, rule, message));

        public void Warning(YamlNode? at, string path, string rule, string message) => Add(FindingSeverity.Warning, at, path, rule, message);

        private void Add(FindingSeverity severity, YamlNode? at, string path, string rule, string message)
        {
            var line = at is null ? 1 : (int)at.Start.Line;
            var column = at is null ? 1 : (int)at.Start.Column;
            _findings.Add(new DocumentFinding(severity, line, column, path, rule, message));
        }

        /// <summary>
        /// The value of a key, or null; <paramref name="keyNode"/> gives the key's own position. Keys a merge key
        /// (&lt;&lt;: *base, or a list of them) brings in count too, after the mapping's own, as YAML has it.
        /// </summary>
        public static YamlNode? Get(YamlMappingNode map, string key, out YamlNode? keyNode) => Get(map, key, out keyNode, null);

        /// <summary><paramref name="merged"/> holds the mappings already looked in: a mapping can merge itself.</summary>
        private static YamlNode? Get(YamlMappingNode map, string key, out YamlNode? keyNode, HashSet<YamlNode>? merged)
        {
            foreach (var pair in map.Children)
            {
                if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
                {
                    keyNode = pair.Key;
                    return pair.Value;
                }
            }
            foreach (var pair in map.Children)
            {
                if (!IsMergeKey(pair.Key)) continue;
                var sources = pair.Value is YamlSequenceNode list ? list.Children : new[] { pair.Value };
                foreach (var source in sources)
                {
                    merged ??= new HashSet<YamlNode>(SameNode.Instance) { map };
                    if (source is YamlMappingNode from && merged.Add(from) && Get(from, key, out keyNode, merged) is { } value) return value;
                }
            }
            keyNode = null;
            return null;
        }

        /// <summary>A plain &lt;&lt; key merges the mappings under it into the one it stands in; quoted, it is an ordinary key.</summary>
        public static bool IsMergeKey(YamlNode key) => key is YamlScalarNode { Style: ScalarStyle.Plain, Value: "<<" };

        public static YamlNode? Get(YamlMappingNode map, string key) => Get(map, key, out _);

        public static string? Text(YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

        public static bool IsNull(YamlNode? node) =>
            node is null || (node is YamlScalarNode s && s.Style == ScalarStyle.Plain && (s.Value is null || s.Value == "" || s.Value == "~" || s.Value == "null"));

        public static bool TryInteger(YamlNode? node, out long value)
        {
            value = 0;
            return node is YamlScalarNode s && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>The names referred to with {{ name }} anywhere under a node, each with where it stands.</summary>
        public IEnumerable<(string Name, Position At)> TemplateReferences(YamlNode node)
        {
            foreach (var scalar in Scalars(node))
            {
                foreach (Match match in Reference.Matches(scalar.Value ?? ""))
                {
                    yield return (match.Groups["name"].Value, PositionIn(scalar, match.Index));
                }
            }
        }

        /// <summary>
        /// Where a character of a scalar's value stands in the text: exact for a scalar on one line (the usual case),
        /// the scalar's own start otherwise (block scalars fold their lines).
        /// </summary>
        public Position PositionIn(YamlScalarNode scalar, int offset)
        {
            var line = (int)scalar.Start.Line;
            var column = (int)scalar.Start.Column;
            var oneLine = scalar.Start.Line == scalar.End.Line;
            switch (scalar.Style)
            {
                case ScalarStyle.Plain when oneLine:
                    return new Position(line, column + offset);
                case ScalarStyle.SingleQuoted when oneLine:
                case ScalarStyle.DoubleQuoted when oneLine:
                    var spelt = SourceLength(line, column, offset, scalar.Style);
                    return spelt < 0 ? new Position(line, column) : new Position(line, column + 1 + spelt);
                default:
                    return new Position(line, column);
            }
        }

        /// <summary>
        /// How many characters of the source, after the opening quote at <paramref name="column"/>, spell the first
        /// <paramref name="decoded"/> characters of a quoted scalar's value. The value has its escapes decoded
        /// (\t, \u00e9, '' ...), so offsets in it fall short of the source's by what each escape spends.
        /// -1 if the quote is not where the parser put it (it also breaks lines at characters other than \n).
        /// </summary>
        private int SourceLength(int line, int column, int decoded, ScalarStyle style)
        {
            var source = line <= _lines.Length ? _lines[line - 1] : "";
            var quote = style == ScalarStyle.SingleQuoted ? '\'' : '"';
            if (column > source.Length || source[column - 1] != quote) return -1;
            var i = column;
            for (int n = 0; n < decoded && i < source.Length; n++)
            {
                if (style == ScalarStyle.SingleQuoted) i += source[i] == '\'' ? 2 : 1;
                else if (source[i] != '\\' || i + 1 == source.Length) i++;
                else
                {
                    var kind = source[i + 1];
                    var length = kind switch { 'x' => 4, 'u' => 6, 'U' => 10, _ => 2 };
                    // \U beyond the basic plane decodes to two UTF-16 characters.
                    if (kind == 'U' && i + length <= source.Length
                        && int.TryParse(source.Substring(i + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code > 0xFFFF)
                    {
                        n++;
                    }
                    i += length;
                }
            }
            return i - column;
        }

        /// <summary>
        /// Every scalar under a node, each once: an alias is the very node its anchor names, so it can bring a node
        /// in twice, or inside itself (&amp;a [ *a ]), and walking it again would never end.
        /// </summary>
        public static IEnumerable<YamlScalarNode> Scalars(YamlNode node) => Scalars(node, new HashSet<YamlNode>(SameNode.Instance));

        private static IEnumerable<YamlScalarNode> Scalars(YamlNode node, HashSet<YamlNode> seen)
        {
            if (!seen.Add(node)) yield break;
            switch (node)
            {
                case YamlScalarNode scalar:
                    yield return scalar;
                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                        foreach (var s in Scalars(child, seen)) yield return s;
                    break;
                case YamlMappingNode map:
                    foreach (var pair in map.Children)
                    {
                        foreach (var s in Scalars(pair.Key, seen)) yield return s;
                        foreach (var s in Scalars(pair.Value, seen)) yield return s;
                    }
                    break;
            }
        }

        /// <summary>Nodes compared by identity, not by content.</summary>
        private sealed class SameNode : IEqualityComparer<YamlNode>
        {
            public static readonly SameNode Instance = new();
            public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);
            public int GetHashCode(YamlNode node) => RuntimeHelpers.GetHashCode(node);
        }

        /// <summary>YamlDotNet puts the position in its messages too ("(Line: 3, Col: 5, ...): "); the finding carries it already.</summary>
        private static string Plain(string message)
        {
            var close = message.IndexOf("): ", StringComparison.Ordinal);
            return message.StartsWith("(", StringComparison.Ordinal) && close > 0 ? message.Substring(close + 3) : message;
        }
    }
}
