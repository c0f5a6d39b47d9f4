using System;
using System.Collections.Generic;
using System.Globalization;

namespace ImageBuilder.PS.Model.Publishing
{
    /// <summary>
    /// The -Version of the Publish-Ib* cmdlets: an exact major.minor.patch (1.2.3), or a pattern with wildcards from
    /// the right (1.2.x, 1.x.x, x.x.x) that names the versions a definition may take. The newest version that matches
    /// is the one compared; a change gets the next version the pattern allows.
    /// </summary>
    public sealed class VersionPattern
    {
        /// <summary>The largest number the service takes in one part of a version (2^30 - 1).</summary>
        public const long MaxPart = 1073741823;

        private const string Rule =
            "it must be major.minor.patch, each part a whole number from 0 to 1073741823 or x (any), with every part after an x an x too: 1.2.3, 1.2.x, 1.x.x or x.x.x";

        /// <summary>The parts; null stands for a wildcard.</summary>
        private readonly long?[] _parts;

        private VersionPattern(long?[] parts, string text)
        {
            _parts = parts;
            Text = text;
        }

        /// <summary>The pattern as given, e.g. 1.2.x.</summary>
        public string Text { get; }

        /// <summary>True for an exact version (no wildcard).</summary>
        public bool IsExact => _parts[2] is not null;

        /// <summary>Reads a pattern; on failure <paramref name="problem"/> says what is wrong, in words for an error message.</summary>
        public static bool TryParse(string? text, out VersionPattern? pattern, out string problem)
        {
            pattern = null;
            problem = "";
            var parts = (text ?? "").Trim().Split('.');
            if (parts.Length != 3)
            {
                problem = Rule + ".";
                return false;
            }
            var values = new long?[3];
            var wildcardSeen = false;
            for (var i = 0; i < 3; i++)
            {
                if (parts[i] == "x" || parts[i] == "X")
                {
                    wildcardSeen = true;
                    continue;
                }
                if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxPart)
                {
                    problem = $"'{parts[i]}' is not a part a version can have; {Rule}.";
                    return false;
                }
                if (wildcardSeen)
                {
                    problem = $"a number follows an x; {Rule}.";
                    return false;
                }
                values[i] = value;
            }
            pattern = new VersionPattern(values, string.Join(".", Array.ConvertAll(values, v => v?.ToString(CultureInfo.InvariantCulture) ?? "x")));
            return true;
        }

        /// <summary>Whether an exact version (1.2.3) is one this pattern names.</summary>
        public bool Matches(string? version)
        {
            if (!TryParts(version, out var parts))
            {
                return false;
            }
            for (var i = 0; i < 3; i++)
            {
                if (_parts[i] is { } fixedPart && fixedPart != parts[i]) return false;
            }
            return true;
        }

        /// <summary>The newest of <paramref name="versions"/> that this pattern matches, or null when none does.</summary>
        public string? Newest(IEnumerable<string?> versions)
        {
            string? newest = null;
            foreach (var version in versions)
            {
                if (Matches(version) && (newest is null || Compare(version!, newest) > 0)) newest = version;
            }
            return newest;
        }

        /// <summary>
        /// The version to create when the definition changed. An exact pattern gives itself. Otherwise: after
        /// <paramref name="newest"/>, the smallest newer version the pattern still matches (1.2.4 after 1.2.3 under
        /// 1.2.x, 1.3.8 after 1.3.7 under 1.x.x); with none yet, the first one it allows (1.2.0 for 1.2.x, 1.0.0 for
        /// 1.x.x and for x.x.x). Null when the pattern has no version left.
        /// </summary>
        public string? Next(string? newest)
        {
            if (IsExact)
            {
                return Text;
            }
            if (newest is null || !TryParts(newest, out var parts) || !Matches(newest))
            {
                var first = new long[3];
                for (var i = 0; i < 3; i++) first[i] = _parts[i] ?? 0;
                // x.x.x starts where people start counting; 0.0.0 is a valid version, but nobody means it.
                if (_parts[0] is null) first[0] = 1;
                return Format(first);
            }
            for (var i = 2; i >= 0 && _parts[i] is null; i--)
            {
                if (parts[i] < MaxPart)
                {
                    parts[i]++;
                    for (var j = i + 1; j < 3; j++) parts[j] = 0;
                    return Format(parts);
                }
            }
            return null;
        }

        /// <summary>Orders exact versions by their numbers (1.10.0 after 1.9.0); anything else sorts first.</summary>
        public static int Compare(string a, string b)
        {
            var hasA = TryParts(a, out var x);
            var hasB = TryParts(b, out var y);
            if (!hasA || !hasB) return hasA.CompareTo(hasB);
            for (var i = 0; i < 3; i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0) return c;
            }
            return 0;
        }

        public override string ToString() => Text;

        private static string Format(long[] parts) => string.Join(".", Array.ConvertAll(parts, p => p.ToString(CultureInfo.InvariantCulture)));

        private static bool TryParts(string? version, out long[] parts)
        {
            parts = new long[3];
            var text = (version ?? "").Split('.');
            if (text.Length != 3) return false;
            for (var i = 0; i < 3; i++)
            {
                if (!long.TryParse(text[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i])) return false;
            }
            return true;
        }
    }
}
