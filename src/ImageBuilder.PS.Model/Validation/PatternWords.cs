using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ImageBuilder.PS.Validation
{
    /// <summary>
    /// Simple name patterns in words: the models' rules for names are runs of character classes
    /// (^[-_A-Za-z-0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z-0-9]$), which read as "3 to 128 characters: letters, digits,
    /// '-' and '_', and spaces inside". Anything more involved (alternation, groups, escapes) gets no words, and the
    /// caller keeps the expression.
    /// </summary>
    public static class PatternWords
    {
        private static readonly Regex Run = new(@"\G\[(?<class>[^\]\\]+)\](?:\{(?<min>\d+)(?:,(?<max>\d*))?\}|(?<op>[+*?]))?", RegexOptions.CultureInvariant);

        public static string? Describe(string pattern)
        {
            if (pattern.Length < 4 || pattern[0] != '^' || pattern[pattern.Length - 1] != '$')
            {
                return null;
            }
            var body = pattern.Substring(1, pattern.Length - 2);
            var runs = new List<(HashSet<string> Kinds, int Min, int? Max)>();
            int at = 0;
            while (at < body.Length)
            {
                var match = Run.Match(body, at);
                if (!match.Success || match.Index != at)
                {
                    return null;
                }
                var kinds = Kinds(match.Groups["class"].Value);
                if (kinds is null)
                {
                    return null;
                }
                int min = 1;
                int? max = 1;
                if (match.Groups["min"].Success)
                {
                    min = int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture);
                    max = !match.Groups["max"].Success ? min : match.Groups["max"].Value.Length == 0 ? null : int.Parse(match.Groups["max"].Value, CultureInfo.InvariantCulture);
                }
                else if (match.Groups["op"].Success)
                {
                    (min, max) = match.Groups["op"].Value switch { "+" => (1, (int?)null), "*" => (0, null), _ => (0, 1) };
                }
                runs.Add((kinds, min, max));
                at += match.Length;
            }
            if (runs.Count == 0)
            {
                return null;
            }
            var all = new HashSet<string>(runs[0].Kinds);
            foreach (var run in runs)
            {
                all.UnionWith(run.Kinds);
            }
            int least = 0;
            int? most = 0;
            foreach (var run in runs)
            {
                least += run.Min;
                most = most is null || run.Max is null ? null : most + run.Max;
            }
            var length = most is null ? $"at least {least} character{(least == 1 ? "" : "s")}" : least == most ? $"{least} character{(least == 1 ? "" : "s")}" : $"{least} to {most} characters";
            var text = new StringBuilder(length).Append(" of ").Append(List(Ordered(all)));
            // What is allowed inside but not at the ends (spaces, most often) is said apart.
            if (runs.Count >= 3)
            {
                var ends = new HashSet<string>(runs[0].Kinds);
                ends.IntersectWith(runs[runs.Count - 1].Kinds);
                var innerOnly = new HashSet<string>(all);
                innerOnly.ExceptWith(ends);
                if (innerOnly.Count > 0 && innerOnly.Count < all.Count)
                {
                    text.Clear().Append(length).Append(" of ").Append(List(Ordered(ends)))
                        .Append(", and ").Append(List(Ordered(innerOnly))).Append(" between them");
                }
            }
            return text.ToString();
        }

        private static HashSet<string>? Kinds(string set)
        {
            var kinds = new HashSet<string>();
            for (int i = 0; i < set.Length; i++)
            {
                if (i + 2 < set.Length && set[i + 1] == '-')
                {
                    var range = set.Substring(i, 3);
                    switch (range)
                    {
                        case "A-Z": kinds.Add("upper"); break;
                        case "a-z": kinds.Add("lower"); break;
                        case "0-9": kinds.Add("digits"); break;
                        default: return null;
                    }
                    i += 2;
                    continue;
                }
                var c = set[i];
                if (c is '^' or '[' or '\\')
                {
                    return null;
                }
                kinds.Add(c == ' ' ? "spaces" : "'" + c + "'");
            }
            return kinds;
        }

        private static IEnumerable<string> Ordered(HashSet<string> kinds)
        {
            if (kinds.Contains("upper") && kinds.Contains("lower")) yield return "letters";
            else if (kinds.Contains("upper")) yield return "capital letters";
            else if (kinds.Contains("lower")) yield return "lower-case letters";
            if (kinds.Contains("digits")) yield return "digits";
            if (kinds.Contains("spaces")) yield return "spaces";
            var others = new List<string>();
            foreach (var kind in kinds)
            {
                if (kind.StartsWith("'", System.StringComparison.Ordinal)) others.Add(kind);
            }
            others.Sort(System.StringComparer.Ordinal);
            foreach (var other in others) yield return other;
        }

        private static string List(IEnumerable<string> items)
        {
            var list = new List<string>(items);
            return list.Count switch
            {
                0 => "",
                1 => list[0],
                _ => string.Join(", ", list.GetRange(0, list.Count - 1)) + " and " + list[list.Count - 1],
            };
        }
    }
}
