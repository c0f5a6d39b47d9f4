using System.Collections.Generic;
using System.Linq;

namespace ImageBuilder.PS.Model.Ib
{
    /// <summary>A lifecycle rule in words, so that a policy's rules read at a glance in its views.</summary>
    public sealed partial class LifecyclePolicyDetail
    {
        /// <summary>For example: "DELETE (AMIs, snapshots) older than 6 MONTHS, keeping at least 2; except tagged Keep=true".</summary>
        public string Summary
        {
            get
            {
                var text = Action?.Type ?? "?";
                var included = Included(Action?.IncludeResources);
                if (included.Count > 0)
                {
                    text += $" ({string.Join(", ", included)})";
                }
                text += Filter?.Type switch
                {
                    "AGE" => $" older than {Filter.Value} {Filter.Unit}" + (Filter.RetainAtLeast is { } keep ? $", keeping at least {keep}" : ""),
                    "COUNT" => $" beyond the newest {Filter.Value}",
                    null => "",
                    _ => $" where {Filter.Type} is {Filter.Value}",
                };
                var exceptions = Exceptions(ExclusionRules);
                return exceptions.Count == 0 ? text : text + "; except " + string.Join(", ", exceptions);
            }
        }

        private static List<string> Included(LifecyclePolicyDetailActionIncludeResources? resources)
        {
            var names = new List<string>();
            if (resources?.Amis == true) names.Add("AMIs");
            if (resources?.Snapshots == true) names.Add("snapshots");
            if (resources?.Containers == true) names.Add("containers");
            return names;
        }

        private static List<string> Exceptions(LifecyclePolicyDetailExclusionRules? rules)
        {
            var parts = new List<string>();
            if (rules?.TagMap is { Count: > 0 } tags)
            {
                parts.Add("tagged " + Tags(tags));
            }
            var amis = rules?.Amis;
            if (amis is null)
            {
                return parts;
            }
            if (amis.IsPublic == true) parts.Add("public AMIs");
            if (amis.Regions is { Count: > 0 } regions) parts.Add("AMIs in " + string.Join(", ", regions));
            if (amis.SharedAccounts is { Count: > 0 } accounts) parts.Add("AMIs shared with " + string.Join(", ", accounts));
            if (amis.LastLaunched is { } launched) parts.Add($"AMIs launched within {launched.Value} {launched.Unit}");
            if (amis.TagMap is { Count: > 0 } amiTags) parts.Add("AMIs tagged " + Tags(amiTags));
            return parts;
        }

        private static string Tags(Dictionary<string, string> tags) => string.Join(", ", tags.Select(t => $"{t.Key}={t.Value}"));
    }
}
