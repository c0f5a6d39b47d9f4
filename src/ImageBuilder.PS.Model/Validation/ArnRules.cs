using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ImageBuilder.PS.Validation
{
    /// <summary>
    /// Image Builder's ARN patterns in words. The models give each ARN member a regular expression; a person
    /// needs to read which ARN is meant and see one. Each known form has an example; the forms a pattern accepts
    /// (tested against the pattern itself, so a model change cannot make the words wrong) say what it wants.
    /// </summary>
    public static class ArnRules
    {
        private const string Prefix = "arn:aws:imagebuilder:us-east-1:123456789012:";

        private static readonly (string What, string Example)[] Forms =
        {
            ("an image build ARN", Prefix + "image/golden-windows/1.0.0/3"),
            ("an image version ARN", Prefix + "image/golden-windows/1.0.0"),
            ("an image pipeline ARN", Prefix + "image-pipeline/nightly"),
            ("a component build ARN", Prefix + "component/install-agent/1.0.0/1"),
            ("a component version ARN", Prefix + "component/install-agent/1.0.0"),
            ("an image recipe ARN", Prefix + "image-recipe/golden-windows/1.0.0"),
            ("a container recipe ARN", Prefix + "container-recipe/golden-app/1.0.0"),
            ("an infrastructure configuration ARN", Prefix + "infrastructure-configuration/build-infra"),
            ("a distribution configuration ARN", Prefix + "distribution-configuration/golden-distribution"),
            ("a lifecycle policy ARN", Prefix + "lifecycle-policy/keep-six-months"),
            ("a workflow build ARN", Prefix + "workflow/build/approve-build/1.0.0/1"),
            ("a workflow version ARN", Prefix + "workflow/build/approve-build/1.0.0"),
        };

        /// <summary>
        /// The rule for a value that breaks <paramref name="pattern"/>, in words with an example, when the pattern
        /// is one of Image Builder's ARN patterns; null for any other pattern.
        /// </summary>
        public static string? Describe(Regex pattern)
        {
            if (!pattern.ToString().StartsWith("^arn:", System.StringComparison.Ordinal))
            {
                return null;
            }
            var accepted = new List<(string What, string Example)>();
            foreach (var form in Forms)
            {
                if (pattern.IsMatch(form.Example))
                {
                    accepted.Add(form);
                }
            }
            return accepted.Count switch
            {
                0 => null,
                1 => $"must be {accepted[0].What}, such as {accepted[0].Example}",
                2 => $"must be {accepted[0].What} or {accepted[1].What}, such as {accepted[0].Example}",
                _ => $"must be the ARN of an Image Builder resource, such as {accepted[0].Example}",
            };
        }

        private static readonly Regex Shape = new(@"^arn:aws[^:]*:imagebuilder:[^:]+:[^:]+:(?<path>.+)$", RegexOptions.CultureInvariant);

        /// <summary>Which of the known ARNs <paramref name="value"/> is (by its form: the same resource type and depth), or null.</summary>
        public static string? KindOf(string value)
        {
            var path = Shape.Match(value);
            if (!path.Success)
            {
                return null;
            }
            var parts = path.Groups["path"].Value.Split('/');
            foreach (var form in Forms)
            {
                var example = Shape.Match(form.Example).Groups["path"].Value.Split('/');
                if (example.Length == parts.Length && example[0] == parts[0] && (parts[0] != "workflow" || parts.Length > 1))
                {
                    return form.What;
                }
            }
            return null;
        }

        /// <summary>True when <paramref name="rule"/> is one <see cref="Describe"/> wrote.</summary>
        public static bool IsArnRule(string rule) => rule.StartsWith("must be ", System.StringComparison.Ordinal) && rule.Contains(" ARN");
    }
}
