using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// Builds a distribution configuration's per-region settings from what is quick to type. Each item is a
    /// Distribution, or a hashtable with Distribution's properties, where short names stand for the long ones
    /// (Ami for AmiDistributionConfiguration, LaunchTemplate for LaunchTemplateConfigurations, ...):
    ///   @{ Region = 'us-east-1'; Ami = @{ Name = 'golden-{{ imagebuilder:buildDate }}' } }
    /// Or one hashtable keyed by region, whose values are those settings (or $null for a plain copy):
    ///   @{ 'us-east-1' = @{ Ami = @{ Name = '...' } }; 'eu-west-1' = $null }
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DistributionTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly Dictionary<string, string> ShortNames = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Ami"] = "amiDistributionConfiguration",
            ["Container"] = "containerDistributionConfiguration",
            ["LaunchTemplate"] = "launchTemplateConfigurations",
            ["FastLaunch"] = "fastLaunchConfigurations",
            ["SsmParameter"] = "ssmParameterConfigurations",
            ["S3Export"] = "s3ExportConfiguration",
            ["LicenseConfigurationArn"] = "licenseConfigurationArns",
        };

        private static readonly Regex RegionName = new(@"^[a-z]{2,}(-[a-z]+)+-\d+$", RegexOptions.CultureInvariant);

        /// <summary>The names a distribution hashtable takes, for error messages and help.</summary>
        internal static string KnownNames =>
            string.Join(", ", IbShapes.Distribution.Members.Select(m => m.Name).Concat(ShortNames.Keys));

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (PropertyBag.Unwrap(inputData) is null)
            {
                return null;
            }
            var result = new List<Distribution>();
            try
            {
                var items = PropertyBag.Items(inputData) ?? new List<object?> { inputData };
                for (int i = 0; i < items.Count; i++)
                {
                    result.AddRange(Convert(items[i], $"item {i}"));
                }
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e.Message, e);
            }
            return result.ToArray();
        }

        private static IEnumerable<Distribution> Convert(object? item, string path)
        {
            var value = PropertyBag.Unwrap(item);
            switch (value)
            {
                case null:
                    throw new ArgumentException($"{path} is empty; give a hashtable such as @{{ Region = 'us-east-1'; Ami = @{{ Name = '...' }} }}.");
                case Distribution distribution:
                    return new[] { distribution };
                case string region:
                    // A region alone: copy the image there with the default settings.
                    return new[] { new Distribution { Region = region } };
            }
            var properties = PropertyBag.Read(item!).ToList();
            if (properties.Count > 0 && properties.All(p => Member(p.Key) is null && RegionName.IsMatch(p.Key)))
            {
                return properties.Select(p => One(p.Key, p.Value, $"{path}['{p.Key}']"));
            }
            return new[] { One(null, item, path) };
        }

        /// <summary>One region's settings; <paramref name="region"/> comes from the key of a by-region hashtable.</summary>
        private static Distribution One(string? region, object? settings, string path)
        {
            var expanded = new Hashtable(StringComparer.OrdinalIgnoreCase);
            if (PropertyBag.Unwrap(settings) is { } value)
            {
                if (!PropertyBag.IsBag(value))
                {
                    throw new ArgumentException($"{path} takes a hashtable of distribution settings ({KnownNames}), not a {value.GetType().Name}.");
                }
                foreach (var property in PropertyBag.Read(settings!))
                {
                    var member = Member(property.Key)
                        ?? throw new ArgumentException($"{path} has no property '{property.Key}'. It takes: {KnownNames}.");
                    expanded[member.WireName] = property.Value;
                }
            }
            if (region is not null)
            {
                expanded["region"] = region;
            }
            return (Distribution)ShapeConverter.Convert(expanded, IbShapes.Distribution, path)!;
        }

        private static MemberDef? Member(string name) =>
            IbShapes.Distribution.FindMember(ShortNames.TryGetValue(name, out var wire) ? wire : name);
    }
}
