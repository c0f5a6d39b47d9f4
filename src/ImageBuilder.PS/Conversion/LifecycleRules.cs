using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// Builds lifecycle rules from what is pleasant to type. Besides the full nested shape
    /// (@{ Action = @{ Type = 'DELETE' }; Filter = @{ Type = 'AGE'; Value = 6; Unit = 'MONTHS' } }), a rule takes a flat
    /// hashtable: @{ Action = 'DELETE'; Age = 6; Unit = 'MONTHS'; RetainAtLeast = 2; IncludeResources = 'Amis', 'Snapshots';
    /// ExcludeTag = @{ Keep = 'true' } }, or @{ Action = 'DEPRECATE'; Count = 10 }.
    /// </summary>
    public static class LifecycleRules
    {
        /// <summary>The keys a rule hashtable takes, in the order they are applied (full structures first).</summary>
        private static readonly string[] Keys = { "Action", "Filter", "ExclusionRules", "Age", "Count", "Unit", "RetainAtLeast", "IncludeResources", "ExcludeTag", "ExcludeAmi" };

        public static LifecyclePolicyDetail From(object? value, string path)
        {
            if (value is PSObject ps)
            {
                value = ps.BaseObject;
            }
            if (value is LifecyclePolicyDetail typed)
            {
                return typed;
            }
            if (value is null || value is string)
            {
                throw new ArgumentException($"{path} must be a hashtable such as @{{ Action = 'DELETE'; Age = 6; Unit = 'MONTHS' }}, not '{value}'.");
            }
            var given = Properties(value, path);
            var rule = new LifecyclePolicyDetail();
            if (given.TryGetValue("Action", out var action))
            {
                rule.Action = action is string type
                    ? new LifecyclePolicyDetailAction { Type = type }
                    : (LifecyclePolicyDetailAction?)ShapeConverter.Convert(action, IbShapes.LifecyclePolicyDetailAction, path + ".Action");
            }
            if (given.TryGetValue("Filter", out var filter))
            {
                rule.Filter = (LifecyclePolicyDetailFilter?)ShapeConverter.Convert(filter, IbShapes.LifecyclePolicyDetailFilter, path + ".Filter");
            }
            if (given.TryGetValue("ExclusionRules", out var exclusions))
            {
                rule.ExclusionRules = (LifecyclePolicyDetailExclusionRules?)ShapeConverter.Convert(exclusions, IbShapes.LifecyclePolicyDetailExclusionRules, path + ".ExclusionRules");
            }
            ApplyFilterShorthand(rule, given, path);
            if (given.TryGetValue("IncludeResources", out var include))
            {
                rule.Action ??= new LifecyclePolicyDetailAction();
                rule.Action.IncludeResources = include is IDictionary
                    ? (LifecyclePolicyDetailActionIncludeResources?)ShapeConverter.Convert(include, IbShapes.LifecyclePolicyDetailActionIncludeResources, path + ".IncludeResources")
                    : IncludedResources.ForRule(Names(include), path + ".IncludeResources");
            }
            if (given.TryGetValue("ExcludeTag", out var tags))
            {
                rule.ExclusionRules ??= new LifecyclePolicyDetailExclusionRules();
                rule.ExclusionRules.TagMap = (Dictionary<string, string>?)ShapeConverter.Convert(tags, IbShapes.TagMap, path + ".ExcludeTag");
            }
            if (given.TryGetValue("ExcludeAmi", out var amis))
            {
                rule.ExclusionRules ??= new LifecyclePolicyDetailExclusionRules();
                rule.ExclusionRules.Amis = (LifecyclePolicyDetailExclusionRulesAmis?)ShapeConverter.Convert(amis, IbShapes.LifecyclePolicyDetailExclusionRulesAmis, path + ".ExcludeAmi");
            }
            return rule;
        }

        private static void ApplyFilterShorthand(LifecyclePolicyDetail rule, Dictionary<string, object?> given, string path)
        {
            var hasAge = given.TryGetValue("Age", out var age);
            var hasCount = given.TryGetValue("Count", out var count);
            if (hasAge && hasCount)
            {
                throw new ArgumentException($"{path} gives both Age and Count; a rule selects images by one of them.");
            }
            if ((hasAge || hasCount) && given.ContainsKey("Filter"))
            {
                throw new ArgumentException($"{path} gives both Filter and {(hasAge ? "Age" : "Count")}; give one of them.");
            }
            if (hasAge || hasCount)
            {
                rule.Filter = new LifecyclePolicyDetailFilter
                {
                    Type = hasAge ? IbValues.LifecyclePolicyDetailFilterType.AGE : IbValues.LifecyclePolicyDetailFilterType.COUNT,
                    Value = Number(hasAge ? age : count, path + (hasAge ? ".Age" : ".Count")),
                };
            }
            if (given.TryGetValue("Unit", out var unit))
            {
                rule.Filter ??= new LifecyclePolicyDetailFilter();
                rule.Filter.Unit = LanguagePrimitives.ConvertTo<string>(unit);
            }
            if (given.TryGetValue("RetainAtLeast", out var retain))
            {
                rule.Filter ??= new LifecyclePolicyDetailFilter();
                rule.Filter.RetainAtLeast = Number(retain, path + ".RetainAtLeast");
            }
        }

        /// <summary>The rule's keys (matched without regard to case), each checked against the ones a rule takes.</summary>
        private static Dictionary<string, object?> Properties(object value, string path)
        {
            IEnumerable<KeyValuePair<string, object?>> pairs = value is IDictionary dictionary
                ? dictionary.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object?>(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e.Value))
                : PSObject.AsPSObject(value).Properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value));
            var given = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in pairs)
            {
                var key = Keys.FirstOrDefault(k => string.Equals(k, pair.Key, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException($"{path} has no property '{pair.Key}'. A rule takes: {string.Join(", ", Keys)}.");
                given[key] = pair.Value is PSObject ps ? ps.BaseObject : pair.Value;
            }
            return given;
        }

        private static IEnumerable<string> Names(object? value) => value switch
        {
            null => Enumerable.Empty<string>(),
            string s => new[] { s },
            IEnumerable items => items.Cast<object?>().Select(i => LanguagePrimitives.ConvertTo<string>(i)),
            _ => new[] { LanguagePrimitives.ConvertTo<string>(value) },
        };

        private static int Number(object? value, string path)
        {
            try
            {
                return LanguagePrimitives.ConvertTo<int>(value);
            }
            catch (PSInvalidCastException e)
            {
                throw new ArgumentException($"{path} takes a whole number; '{value}' is not one.", e);
            }
        }
    }

    /// <summary>
    /// Lets a rule parameter take LifecyclePolicyDetail objects, full nested hashtables, or the flat hashtables
    /// <see cref="LifecycleRules"/> describes; one rule or several.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class LifecycleRuleTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is PSObject ps)
            {
                inputData = ps.BaseObject;
            }
            try
            {
                if (inputData is IEnumerable items && inputData is not IDictionary && inputData is not string)
                {
                    return items.Cast<object?>().Select((item, i) => LifecycleRules.From(item, $"rule {i}")).ToArray();
                }
                return new[] { LifecycleRules.From(inputData, "the rule") };
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e.Message, e);
            }
        }
    }

    /// <summary>Which resources besides the Image Builder image a lifecycle action reaches, from names (Amis, Snapshots, Containers).</summary>
    public static class IncludedResources
    {
        public static readonly string[] Names = { "Amis", "Snapshots", "Containers" };

        public static LifecyclePolicyDetailActionIncludeResources ForRule(IEnumerable<string> names, string path)
        {
            var (amis, snapshots, containers) = Parse(names, path);
            return new LifecyclePolicyDetailActionIncludeResources { Amis = amis, Snapshots = snapshots, Containers = containers };
        }

        public static ResourceStateUpdateIncludeResources ForStateUpdate(IEnumerable<string> names, string path)
        {
            var (amis, snapshots, containers) = Parse(names, path);
            return new ResourceStateUpdateIncludeResources { Amis = amis, Snapshots = snapshots, Containers = containers };
        }

        private static (bool? Amis, bool? Snapshots, bool? Containers) Parse(IEnumerable<string> names, string path)
        {
            bool? amis = null, snapshots = null, containers = null;
            foreach (var name in names)
            {
                // Singular or plural, any case: "ami", "Snapshots".
                switch (name.Trim().TrimEnd('s', 'S').ToLowerInvariant())
                {
                    case "ami": amis = true; break;
                    case "snapshot": snapshots = true; break;
                    case "container": containers = true; break;
                    default: throw new ArgumentException($"{path} names '{name}', which is not one of: {string.Join(", ", Names)}.");
                }
            }
            return (amis, snapshots, containers);
        }
    }
}
