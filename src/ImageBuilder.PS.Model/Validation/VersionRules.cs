using System.Text.RegularExpressions;

namespace ImageBuilder.PS.Validation
{
    /// <summary>
    /// Image Builder's version patterns (^[0-9]+\.[0-9]+\.[0-9]+$ and its wildcard form) in words with an example.
    /// Which one a pattern is, is read off what it accepts and refuses, so a model change cannot make the words wrong:
    /// a pattern that does not behave as a version on every sample gets no words here.
    /// </summary>
    public static class VersionRules
    {
        private static readonly string[] NotVersions = { "1.0", "1.0.0.0", "v1.0.0", "1.0.0-beta", "1..0", "" };

        /// <summary>The rule for a value that breaks <paramref name="pattern"/> when it is a version pattern; null for any other.</summary>
        public static string? Describe(Regex pattern)
        {
            if (!Accepts(pattern, "1.0.0") || !Accepts(pattern, "10.20.300"))
            {
                return null;
            }
            foreach (var wrong in NotVersions)
            {
                if (Accepts(pattern, wrong))
                {
                    return null;
                }
            }
            if (Accepts(pattern, "1.x.x") && Accepts(pattern, "x.x.x") && Accepts(pattern, "1.2.x"))
            {
                return "must be a version of three parts joined by dots (major.minor.patch), each a whole number or x for any, such as 1.0.0 or 1.x.x";
            }
            return Accepts(pattern, "1.x.0")
                ? null
                : "must be a version of three whole numbers joined by dots (major.minor.patch), such as 1.0.0";
        }

        private static bool Accepts(Regex pattern, string value)
        {
            try
            {
                return pattern.IsMatch(value);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
