using System.Collections;
using System.Collections.Generic;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Completion
{
    /// <summary>Names of the account's images (or -Owner's).</summary>
    public sealed class ImageNameCompleter : LiveCompleter
    {
        protected override ServiceBinding Binding => ServiceBinding.ImageBuilder;
        protected override OperationDef Operation => IbOperations.ListImages;

        protected override IAwsStructure Request(IDictionary bound) =>
            new ListImagesRequest { Owner = bound["Owner"] as string, ByName = bound.Contains("Owner") ? true : null, MaxResults = 25 };

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            var seen = new HashSet<string>();
            foreach (var image in ((ListImagesResponse)page).ImageVersionList ?? new List<ImageVersion>())
            {
                if (image.Name is { } name && seen.Add(name)) yield return new CompletionValue(name, $"{name} ({image.Platform}, {image.Type})");
            }
        }
    }

    /// <summary>ARNs of the account's image versions.</summary>
    public sealed class ImageArnCompleter : LiveCompleter
    {
        protected override ServiceBinding Binding => ServiceBinding.ImageBuilder;
        protected override OperationDef Operation => IbOperations.ListImages;

        protected override IAwsStructure Request(IDictionary bound) => new ListImagesRequest { MaxResults = 25 };

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            foreach (var image in ((ListImagesResponse)page).ImageVersionList ?? new List<ImageVersion>())
            {
                if (image.Arn is { } arn) yield return new CompletionValue(arn, $"{image.Name} {image.Version}");
            }
        }
    }

    /// <summary>Names of the account's components (or -Owner's).</summary>
    public sealed class ComponentNameCompleter : LiveCompleter
    {
        protected override ServiceBinding Binding => ServiceBinding.ImageBuilder;
        protected override OperationDef Operation => IbOperations.ListComponents;

        protected override IAwsStructure Request(IDictionary bound) =>
            new ListComponentsRequest { Owner = bound["Owner"] as string, ByName = bound.Contains("Owner") ? true : null, MaxResults = 25 };

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            var seen = new HashSet<string>();
            foreach (var component in ((ListComponentsResponse)page).ComponentVersionList ?? new List<ComponentVersion>())
            {
                if (component.Name is { } name && seen.Add(name)) yield return new CompletionValue(name, $"{name} ({component.Platform}, {component.Type})");
            }
        }
    }

    /// <summary>ARNs of the account's component versions.</summary>
    public sealed class ComponentArnCompleter : LiveCompleter
    {
        protected override ServiceBinding Binding => ServiceBinding.ImageBuilder;
        protected override OperationDef Operation => IbOperations.ListComponents;

        protected override IAwsStructure Request(IDictionary bound) => new ListComponentsRequest { MaxResults = 25 };

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            foreach (var component in ((ListComponentsResponse)page).ComponentVersionList ?? new List<ComponentVersion>())
            {
                if (component.Arn is { } arn) yield return new CompletionValue(arn, $"{component.Name} {component.Version}");
            }
        }
    }
}
