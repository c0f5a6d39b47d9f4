using System;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>
    /// What Publish-IbPipeline needs about a resource it creates or changes in place (not versioned): how it is found
    /// by name, read, created and updated, and which member holds its ARN in requests and answers.
    /// </summary>
    internal sealed class ConfigurationKind
    {
        private ConfigurationKind(string kind, string noun, string arnMember, OperationDef list, OperationDef get, OperationDef create, OperationDef update,
            Func<string, IAwsStructure> getRequest, Func<IAwsStructure, IAwsStructure?> current, Func<IAwsStructure, IAwsStructure> updateFrom)
        {
            Kind = kind;
            Noun = noun;
            ArnMember = arnMember;
            List = list;
            Get = get;
            Create = create;
            Update = update;
            GetRequest = getRequest;
            Current = current;
            UpdateFrom = updateFrom;
        }

        /// <summary>The plan's Kind column.</summary>
        public string Kind { get; }
        /// <summary>As a message says it.</summary>
        public string Noun { get; }
        /// <summary>The wire name of the ARN in the get, update and create answer.</summary>
        public string ArnMember { get; }
        public OperationDef List { get; }
        public OperationDef Get { get; }
        public OperationDef Create { get; }
        public OperationDef Update { get; }
        public Func<string, IAwsStructure> GetRequest { get; }
        /// <summary>The resource in a get answer.</summary>
        public Func<IAwsStructure, IAwsStructure?> Current { get; }
        /// <summary>An update request holding the resource as it is (Update operations replace the whole resource).</summary>
        public Func<IAwsStructure, IAwsStructure> UpdateFrom { get; }

        public static readonly ConfigurationKind Infrastructure = new("Infrastructure", "infrastructure configuration", "infrastructureConfigurationArn",
            IbOperations.ListInfrastructureConfigurations, IbOperations.GetInfrastructureConfiguration, IbOperations.CreateInfrastructureConfiguration, IbOperations.UpdateInfrastructureConfiguration,
            arn => new GetInfrastructureConfigurationRequest { InfrastructureConfigurationArn = arn },
            r => (r as GetInfrastructureConfigurationResponse)?.InfrastructureConfiguration,
            c => UpdateRequests.FromCurrent<UpdateInfrastructureConfigurationRequest>(c));

        public static readonly ConfigurationKind Distribution = new("Distribution", "distribution configuration", "distributionConfigurationArn",
            IbOperations.ListDistributionConfigurations, IbOperations.GetDistributionConfiguration, IbOperations.CreateDistributionConfiguration, IbOperations.UpdateDistributionConfiguration,
            arn => new GetDistributionConfigurationRequest { DistributionConfigurationArn = arn },
            r => (r as GetDistributionConfigurationResponse)?.DistributionConfiguration,
            c => UpdateRequests.FromCurrent<UpdateDistributionConfigurationRequest>(c));

        public static readonly ConfigurationKind Pipeline = new("Pipeline", "image pipeline", "imagePipelineArn",
            IbOperations.ListImagePipelines, IbOperations.GetImagePipeline, IbOperations.CreateImagePipeline, IbOperations.UpdateImagePipeline,
            arn => new GetImagePipelineRequest { ImagePipelineArn = arn },
            r => (r as GetImagePipelineResponse)?.ImagePipeline,
            c => UpdateRequests.FromCurrent<UpdateImagePipelineRequest>(c));

        /// <summary>The list request for the resources of one name.</summary>
        public IAwsStructure ListRequest(string name)
        {
            var request = JsonShapeReader.CreateStructure(List.Input!);
            var filters = new System.Collections.Generic.List<Filter> { new() { Name = "name", Values = new() { name } } };
            request.SetMember(request.GetShape().FindBodyMember("filters")!.Index, filters);
            return request;
        }
    }
}
