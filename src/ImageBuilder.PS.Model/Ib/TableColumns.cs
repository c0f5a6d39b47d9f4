using System;
using System.Collections.Generic;
using System.Linq;

// What a table view shows under a header is a property of that name, so a user can sort, filter and select by
// the header they read (Sort-Object Score, Where-Object Status -eq AVAILABLE). Plain renames are alias properties
// in module/ImageBuilder.PS.Types.ps1xml; the columns worked out from nested members are here.

namespace ImageBuilder.PS.Model.Ib
{
    internal static class ArnText
    {
        /// <summary>An ARN's resource without its type: "golden/1.0.0/3" for …:image/golden/1.0.0/3, "build/x/1.0.0" for a workflow.</summary>
        public static string? Resource(string? arn)
        {
            if (arn is null) return null;
            var parts = arn.Split(new[] { ':' }, 6);
            if (parts.Length < 6) return arn;
            var resource = parts[5];
            if (resource.StartsWith("workflow/", StringComparison.Ordinal)) resource = resource.Substring("workflow/".Length);
            var slash = resource.IndexOf('/');
            return slash < 0 ? resource : resource.Substring(slash + 1);
        }

        public static string? Join(IEnumerable<string?>? values)
        {
            var kept = values?.Where(v => !string.IsNullOrEmpty(v)).ToList();
            return kept is { Count: > 0 } ? string.Join(", ", kept) : null;
        }
    }

    public sealed partial class Image
    {
        /// <summary>The build's status (State.Status).</summary>
        public string? Status => State?.Status;

        /// <summary>The AMI ids the build distributed, comma-separated.</summary>
        public string? Ami => ArnText.Join(OutputResources?.Amis?.Select(a => a?.Image));
    }

    public sealed partial class ImageSummary
    {
        /// <summary>The AMI ids the build distributed, comma-separated.</summary>
        public string? Ami => ArnText.Join(OutputResources?.Amis?.Select(a => a?.Image));
    }

    public sealed partial class ImageScanFinding
    {
        /// <summary>The vulnerable packages with their versions, comma-separated.</summary>
        public string? Package => ArnText.Join(PackageVulnerabilityDetails?.VulnerablePackages?.Select(p => p is null ? null : $"{p.Name} {p.Version}".Trim()));

        /// <summary>The image build the finding is in: name/version/build.</summary>
        public string? Image => ArnText.Resource(ImageBuildVersionArn);
    }

    public sealed partial class ImagePackage
    {
        /// <summary>The image build the package is in: name/version/build.</summary>
        public string? Image => ArnText.Resource(ImageBuildVersionArn);
    }

    public sealed partial class ImageScanFindingAggregation
    {
        public long? Critical => SeverityCounts?.Critical;
        public long? High => SeverityCounts?.High;
        public long? Medium => SeverityCounts?.Medium;
        public long? All => SeverityCounts?.All;
        /// <summary>
        /// The findings below medium (low, informational, untriaged): the service counts only critical, high and
        /// medium apart, so this is All less those three, and the columns add up to All.
        /// </summary>
        public long? Other => SeverityCounts?.All is long all
            ? Math.Max(0, all - (SeverityCounts.Critical ?? 0) - (SeverityCounts.High ?? 0) - (SeverityCounts.Medium ?? 0))
            : null;
    }

    public sealed partial class LifecycleExecution
    {
        /// <summary>The lifecycle policy's name.</summary>
        public string? Policy => ArnText.Resource(LifecyclePolicyArn);
        public string? Status => State?.Status;
        /// <summary>Whether the run changed any resource (ResourcesImpactedSummary.HasImpactedResources).</summary>
        public bool? Impacted => ResourcesImpactedSummary?.HasImpactedResources;
    }

    public sealed partial class LifecycleExecutionResource
    {
        public string? Status => State?.Status;
    }

    public sealed partial class LifecyclePolicy
    {
        /// <summary>How many rules the policy has.</summary>
        public int Rules => PolicyDetails?.Count(d => d is not null) ?? 0;
    }

    public sealed partial class MarketplaceResource
    {
        /// <summary>The resource's name and version, without its ARN prefix.</summary>
        public string? Resource => ArnText.Resource(ResourceArn);
        /// <summary>How many lines the resource's document has (the text is in Data).</summary>
        public int? Document => Data is null ? null : Data.TrimEnd().Split('\n').Length;
    }

    public sealed partial class ContainerRecipeSummary
    {
        /// <summary>The recipe's semantic version, from its ARN.</summary>
        public string? Version => Arn is null ? null : Arn.Substring(Arn.LastIndexOf('/') + 1);
    }

    public sealed partial class ImageRecipeSummary
    {
        /// <summary>The recipe's semantic version, from its ARN.</summary>
        public string? Version => Arn is null ? null : Arn.Substring(Arn.LastIndexOf('/') + 1);
    }

    public sealed partial class ContainerRecipe
    {
        /// <summary>The ECR repository the images go to.</summary>
        public string? Repository => TargetRepository?.RepositoryName;
    }

    public sealed partial class DistributionConfiguration
    {
        /// <summary>The regions the configuration distributes to.</summary>
        public string[] Regions => Distributions?.Where(d => d?.Region is not null).Select(d => d.Region!).ToArray() ?? Array.Empty<string>();
    }

    public sealed partial class WorkflowExecutionMetadata
    {
        /// <summary>The workflow's name and version, without its ARN prefix.</summary>
        public string? Workflow => ArnText.Resource(WorkflowBuildVersionArn);
        /// <summary>Steps succeeded out of all: "3/5", with the failures when there are some.</summary>
        public string? Steps => TotalStepCount is null ? null
            : $"{TotalStepsSucceeded}/{TotalStepCount}" + (TotalStepsFailed is > 0 ? $" ({TotalStepsFailed} failed)" : "");
    }

    public sealed partial class WorkflowStepExecution
    {
        /// <summary>The image build the step waits in: name/version/build.</summary>
        public string? Image => ArnText.Resource(ImageBuildVersionArn);
    }
}

namespace ImageBuilder.PS.Model.WorkSpaces
{
    public sealed partial class WorkspaceImage
    {
        /// <summary>The operating system type (OperatingSystem.Type).</summary>
        public string? OS => OperatingSystem?.Type;
    }
}
