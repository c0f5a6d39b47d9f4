using System;
using System.Collections.Generic;
using System.Linq;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>
    /// What Publish-IbPipeline needs about a resource it creates or changes in place (not versioned): how it is found
    /// by name, read, created and updated, and which member holds its ARN in the update request. Each kind's steps are
    /// typed calls; the cmdlet only moves the settings the folder names, by their wire names.
    /// </summary>
    internal sealed class ConfigurationKind
    {
        private ConfigurationKind(string kind, string noun, string arnMember,
            Func<IbCmdlet, string, string?> find, Func<IbCmdlet, string, IAwsStructure?> read, Func<IAwsStructure, IAwsStructure> updateFrom,
            Func<IbCmdlet, IAwsStructure, string, string?> create, Func<IbCmdlet, IAwsStructure, string, bool> update,
            Func<IAwsStructure, Dictionary<string, string>?> wantedTags, Func<IAwsStructure, Dictionary<string, string>?> currentTags)
        {
            Kind = kind;
            Noun = noun;
            ArnMember = arnMember;
            Find = find;
            Read = read;
            UpdateFrom = updateFrom;
            Create = create;
            Update = update;
            WantedTags = wantedTags;
            CurrentTags = currentTags;
        }

        /// <summary>The plan's Kind column.</summary>
        public string Kind { get; }
        /// <summary>As a message says it.</summary>
        public string Noun { get; }
        /// <summary>The wire name of the resource's ARN in the update request.</summary>
        public string ArnMember { get; }
        /// <summary>The ARN of the resource of this name, or null when there is none (or the listing failed: the error is written).</summary>
        public Func<IbCmdlet, string, string?> Find { get; }
        /// <summary>The resource as it is, read by its ARN; null after an error was written.</summary>
        public Func<IbCmdlet, string, IAwsStructure?> Read { get; }
        /// <summary>An update request holding the resource as it is (Update operations replace the whole resource).</summary>
        public Func<IAwsStructure, IAwsStructure> UpdateFrom { get; }
        /// <summary>Sends a create request; the new resource's ARN, or null after an error was written.</summary>
        public Func<IbCmdlet, IAwsStructure, string, string?> Create { get; }
        /// <summary>Sends an update request; false after an error was written.</summary>
        public Func<IbCmdlet, IAwsStructure, string, bool> Update { get; }
        /// <summary>The tags a create request holds (the folder's).</summary>
        public Func<IAwsStructure, Dictionary<string, string>?> WantedTags { get; }
        /// <summary>The tags the resource has, as read (Update operations do not take tags: TagResource does).</summary>
        public Func<IAwsStructure, Dictionary<string, string>?> CurrentTags { get; }

        public static readonly ConfigurationKind Infrastructure = new("Infrastructure", "infrastructure configuration", "infrastructureConfigurationArn",
            (cmdlet, name) => cmdlet.ReadPages(IbOperations.ListInfrastructureConfigurations, new ListInfrastructureConfigurationsRequest { Filters = NameFilter(name) }, name)
                .FirstOrDefault(item => item.Name == name)?.Arn,
            (cmdlet, arn) => cmdlet.Call(IbOperations.GetInfrastructureConfiguration, new GetInfrastructureConfigurationRequest { InfrastructureConfigurationArn = arn }, arn)?.InfrastructureConfiguration,
            current => UpdateRequests.FromCurrent<UpdateInfrastructureConfigurationRequest>(current),
            (cmdlet, request, target) => cmdlet.Call(IbOperations.CreateInfrastructureConfiguration, (CreateInfrastructureConfigurationRequest)request, target)?.InfrastructureConfigurationArn,
            (cmdlet, request, target) => cmdlet.Call(IbOperations.UpdateInfrastructureConfiguration, (UpdateInfrastructureConfigurationRequest)request, target) is not null,
            request => ((CreateInfrastructureConfigurationRequest)request).Tags,
            current => ((InfrastructureConfiguration)current).Tags);

        public static readonly ConfigurationKind Distribution = new("Distribution", "distribution configuration", "distributionConfigurationArn",
            (cmdlet, name) => cmdlet.ReadPages(IbOperations.ListDistributionConfigurations, new ListDistributionConfigurationsRequest { Filters = NameFilter(name) }, name)
                .FirstOrDefault(item => item.Name == name)?.Arn,
            (cmdlet, arn) => cmdlet.Call(IbOperations.GetDistributionConfiguration, new GetDistributionConfigurationRequest { DistributionConfigurationArn = arn }, arn)?.DistributionConfiguration,
            current => UpdateRequests.FromCurrent<UpdateDistributionConfigurationRequest>(current),
            (cmdlet, request, target) => cmdlet.Call(IbOperations.CreateDistributionConfiguration, (CreateDistributionConfigurationRequest)request, target)?.DistributionConfigurationArn,
            (cmdlet, request, target) => cmdlet.Call(IbOperations.UpdateDistributionConfiguration, (UpdateDistributionConfigurationRequest)request, target) is not null,
            request => ((CreateDistributionConfigurationRequest)request).Tags,
            current => ((DistributionConfiguration)current).Tags);

        public static readonly ConfigurationKind Pipeline = new("Pipeline", "image pipeline", "imagePipelineArn",
            (cmdlet, name) => cmdlet.ReadPages(IbOperations.ListImagePipelines, new ListImagePipelinesRequest { Filters = NameFilter(name) }, name)
                .FirstOrDefault(item => item.Name == name)?.Arn,
            (cmdlet, arn) => cmdlet.Call(IbOperations.GetImagePipeline, new GetImagePipelineRequest { ImagePipelineArn = arn }, arn)?.ImagePipeline,
            current => UpdateRequests.FromCurrent<UpdateImagePipelineRequest>(current),
            (cmdlet, request, target) => cmdlet.Call(IbOperations.CreateImagePipeline, (CreateImagePipelineRequest)request, target)?.ImagePipelineArn,
            (cmdlet, request, target) => cmdlet.Call(IbOperations.UpdateImagePipeline, (UpdateImagePipelineRequest)request, target) is not null,
            request => ((CreateImagePipelineRequest)request).Tags,
            current => ((ImagePipeline)current).Tags);

        /// <summary>
        /// Makes a resource's tags the given ones: changed and new keys set (TagResource), keys not given removed
        /// (UntagResource). False after an error was written.
        /// </summary>
        public static bool SetTags(IbCmdlet cmdlet, string arn, IDictionary<string, string>? current, IDictionary<string, string> wanted)
        {
            var set = wanted.Where(tag => current is null || !current.TryGetValue(tag.Key, out var value) || value != tag.Value)
                .ToDictionary(tag => tag.Key, tag => tag.Value, StringComparer.Ordinal);
            var removed = current?.Keys.Where(key => !wanted.ContainsKey(key)).ToList() ?? new List<string>();
            if (set.Count > 0 && cmdlet.Call(IbOperations.TagResource, new TagResourceRequest { ResourceArn = arn, Tags = set }, arn) is null)
            {
                return false;
            }
            return removed.Count == 0 || cmdlet.Call(IbOperations.UntagResource, new UntagResourceRequest { ResourceArn = arn, TagKeys = removed }, arn) is not null;
        }

        private static List<Filter> NameFilter(string name) => new() { new Filter { Name = "name", Values = new List<string> { name } } };
    }
}
