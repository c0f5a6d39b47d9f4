using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ImageBuilder.PS.Model.Views
{
    /// <summary>
    /// What several format views in module/Formats work out the same way, written once here and called from the
    /// views, as in <c>[ImageBuilder.PS.Model.Views.ViewText]::Pairs($_.Tags)</c>.
    /// </summary>
    /// <remarks>
    /// Static methods rather than properties on the output types, on purpose: a property, even one marked [Hidden]
    /// (which Format-List *, Get-Member, Select-Object * and Export-Csv honour), still appears in ConvertTo-Json on
    /// PowerShell 7, and the same text is needed for Tags, ResourceTags, ImageTags and AmiTags on twenty-odd types and
    /// for a dozen date members. A call from the view adds nothing to any object. How a date reads stays in the view,
    /// as a FormatString beside the call.
    /// </remarks>
    public static class ViewText
    {
        private static readonly Regex BuildNumber = new(@"/(\d+)$", RegexOptions.CultureInvariant);

        /// <summary>
        /// A date in the session's time zone. The module hands out local dates already (a no-op for those); a date
        /// someone built with DateTimeKind.Utc is shown on the user's clock too, as the views always did.
        /// </summary>
        public static DateTime? Local(DateTime? date) => date?.ToLocalTime();

        /// <summary>A map as "key=value, key=value" in the map's own order; empty for an empty map, null for none.</summary>
        public static string? Pairs(IDictionary<string, string?>? map)
        {
            if (map is null)
            {
                return null;
            }
            var pairs = new List<string>(map.Count);
            foreach (var pair in map)
            {
                pairs.Add(pair.Key + "=" + pair.Value);
            }
            return string.Join(", ", pairs);
        }

        /// <summary>
        /// A semantic version with the build number its ARN ends in, "1.0.0/3", so that two builds of one version
        /// read apart; the version alone when the ARN names no build (a version ARN, or none).
        /// </summary>
        public static string? BuildVersion(string? version, string? arn)
        {
            var match = arn is null ? null : BuildNumber.Match(arn);
            return match is { Success: true } ? version + "/" + match.Groups[1].Value : version;
        }
    }
}
