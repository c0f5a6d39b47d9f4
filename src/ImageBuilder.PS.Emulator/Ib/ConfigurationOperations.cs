using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>Infrastructure and distribution configurations: create, get, list, update, delete.</summary>
internal sealed class ConfigurationOperations
{
    private readonly EmulatorState _state;

    public ConfigurationOperations(EmulatorState state) => _state = state;

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.CreateInfrastructureConfiguration, CreateInfrastructure);
        table.Add(IbOperations.GetInfrastructureConfiguration, (r, c) =>
            new GetInfrastructureConfigurationResponse { InfrastructureConfiguration = IbSupport.Require(_state.InfrastructureConfigurations, r.InfrastructureConfigurationArn!).Value });
        table.Add(IbOperations.ListInfrastructureConfigurations, ListInfrastructure);
        table.Add(IbOperations.UpdateInfrastructureConfiguration, UpdateInfrastructure);
        table.Add(IbOperations.DeleteInfrastructureConfiguration, (r, c) =>
            new DeleteInfrastructureConfigurationResponse { InfrastructureConfigurationArn = Delete(_state.InfrastructureConfigurations, r.InfrastructureConfigurationArn!, "infrastructure configuration") });

        table.Add(IbOperations.CreateDistributionConfiguration, CreateDistribution);
        table.Add(IbOperations.GetDistributionConfiguration, (r, c) =>
            new GetDistributionConfigurationResponse { DistributionConfiguration = IbSupport.Require(_state.DistributionConfigurations, r.DistributionConfigurationArn!).Value });
        table.Add(IbOperations.ListDistributionConfigurations, ListDistribution);
        table.Add(IbOperations.UpdateDistributionConfiguration, UpdateDistribution);
        table.Add(IbOperations.DeleteDistributionConfiguration, (r, c) =>
            new DeleteDistributionConfigurationResponse { DistributionConfigurationArn = Delete(_state.DistributionConfigurations, r.DistributionConfigurationArn!, "distribution configuration") });
    }

    private CreateInfrastructureConfigurationResponse CreateInfrastructure(CreateInfrastructureConfigurationRequest request, CallContext call)
    {
        var arn = _state.Arns.Build("infrastructure-configuration", request.Name!);
        if (_state.InfrastructureConfigurations.Contains(arn))
        {
            throw ServiceError.AlreadyExists($"The infrastructure configuration {arn} already exists.");
        }
        var value = new InfrastructureConfiguration
        {
            Arn = arn,
            Name = request.Name,
            DateCreated = call.Now,
            Tags = IbSupport.CopyTags(request.Tags),
        };
        Apply(value, request.Description, request.InstanceTypes, request.InstanceProfileName, request.SecurityGroupIds, request.SubnetId, request.Logging,
            request.KeyPair, request.TerminateInstanceOnFailure, request.SnsTopicArn, request.ResourceTags, request.InstanceMetadataOptions, request.Placement);
        _state.InfrastructureConfigurations.Add(new Entry<InfrastructureConfiguration>(arn, arn, Ownership.Self, value, _state.NextSequence()));
        return new CreateInfrastructureConfigurationResponse { ClientToken = request.ClientToken, InfrastructureConfigurationArn = arn };
    }

    private UpdateInfrastructureConfigurationResponse UpdateInfrastructure(UpdateInfrastructureConfigurationRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.InfrastructureConfigurations, request.InfrastructureConfigurationArn!);
        var value = entry.Value;
        Apply(value, request.Description, request.InstanceTypes, request.InstanceProfileName, request.SecurityGroupIds, request.SubnetId, request.Logging,
            request.KeyPair, request.TerminateInstanceOnFailure, request.SnsTopicArn, request.ResourceTags, request.InstanceMetadataOptions, request.Placement);
        value.DateUpdated = call.Now;
        return new UpdateInfrastructureConfigurationResponse { ClientToken = request.ClientToken, InfrastructureConfigurationArn = entry.Arn };
    }

    // An update replaces the whole configuration, as the service's does (members left out are cleared).
    private static void Apply(InfrastructureConfiguration value, string? description, List<string>? instanceTypes, string? instanceProfileName,
        List<string>? securityGroupIds, string? subnetId, Logging? logging, string? keyPair, bool? terminateOnFailure, string? snsTopicArn,
        Dictionary<string, string>? resourceTags, InstanceMetadataOptions? metadataOptions, Placement? placement)
    {
        value.Description = description;
        value.InstanceTypes = instanceTypes;
        value.InstanceProfileName = instanceProfileName;
        value.SecurityGroupIds = securityGroupIds;
        value.SubnetId = subnetId;
        value.Logging = logging;
        value.KeyPair = keyPair;
        value.TerminateInstanceOnFailure = terminateOnFailure ?? true;
        value.SnsTopicArn = snsTopicArn;
        value.ResourceTags = IbSupport.CopyTags(resourceTags);
        value.InstanceMetadataOptions = metadataOptions;
        value.Placement = placement;
    }

    private ListInfrastructureConfigurationsResponse ListInfrastructure(ListInfrastructureConfigurationsRequest request, CallContext call)
    {
        var filters = new ListFilters(request.Filters, "name");
        var rows = _state.Listing(call.PagingScope, () => _state.InfrastructureConfigurations.All.Where(e => filters.Matches("name", e.Value.Name)).OrderBy(e => e.Arn, StringComparer.Ordinal));
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListInfrastructureConfigurationsResponse
        {
            InfrastructureConfigurationSummaryList = page.Items.Select(e => new InfrastructureConfigurationSummary
            {
                Arn = e.Arn,
                Name = e.Value.Name,
                Description = e.Value.Description,
                DateCreated = e.Value.DateCreated,
                DateUpdated = e.Value.DateUpdated,
                ResourceTags = e.Value.ResourceTags,
                Tags = e.Value.Tags,
                InstanceTypes = e.Value.InstanceTypes,
                InstanceProfileName = e.Value.InstanceProfileName,
                Placement = e.Value.Placement,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private CreateDistributionConfigurationResponse CreateDistribution(CreateDistributionConfigurationRequest request, CallContext call)
    {
        var arn = _state.Arns.Build("distribution-configuration", request.Name!);
        if (_state.DistributionConfigurations.Contains(arn))
        {
            throw ServiceError.AlreadyExists($"The distribution configuration {arn} already exists.");
        }
        CheckDistributions(request.Distributions!);
        var value = new DistributionConfiguration
        {
            Arn = arn,
            Name = request.Name,
            Description = request.Description,
            Distributions = request.Distributions,
            TimeoutMinutes = 720,
            DateCreated = call.Now,
            Tags = IbSupport.CopyTags(request.Tags),
        };
        _state.DistributionConfigurations.Add(new Entry<DistributionConfiguration>(arn, arn, Ownership.Self, value, _state.NextSequence()));
        return new CreateDistributionConfigurationResponse { ClientToken = request.ClientToken, DistributionConfigurationArn = arn };
    }

    private UpdateDistributionConfigurationResponse UpdateDistribution(UpdateDistributionConfigurationRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.DistributionConfigurations, request.DistributionConfigurationArn!);
        CheckDistributions(request.Distributions!);
        entry.Value.Description = request.Description;
        entry.Value.Distributions = request.Distributions;
        entry.Value.DateUpdated = call.Now;
        return new UpdateDistributionConfigurationResponse { ClientToken = request.ClientToken, DistributionConfigurationArn = entry.Arn };
    }

    /// <summary>One distribution per region, and each says what it distributes.</summary>
    private static void CheckDistributions(List<Distribution> distributions)
    {
        if (distributions.Count == 0)
        {
            throw ServiceError.InvalidRequest("A distribution configuration needs at least one distribution.");
        }
        var duplicate = distributions.GroupBy(d => d.Region).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw ServiceError.InvalidParameterCombination($"The region {duplicate.Key} appears in more than one distribution.");
        }
        // The service distributes only to regions that exist; the partitions' region lists are the emulator's map.
        foreach (var distribution in distributions)
        {
            if (!IsKnownRegion(distribution.Region))
            {
                throw ServiceError.InvalidParameterValue($"The value supplied for parameter 'region' is not a valid region: {distribution.Region}.");
            }
        }
    }

    private static bool IsKnownRegion(string? region) =>
        region is not null && !region.EndsWith("-global", StringComparison.Ordinal)
        && ImageBuilder.PS.Endpoints.Partitions.All.Any(p => p.Regions.Contains(region, StringComparer.Ordinal));

    private ListDistributionConfigurationsResponse ListDistribution(ListDistributionConfigurationsRequest request, CallContext call)
    {
        var filters = new ListFilters(request.Filters, "name");
        var rows = _state.DistributionConfigurations.All.Where(e => filters.Matches("name", e.Value.Name)).OrderBy(e => e.Arn, StringComparer.Ordinal).ToList();
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListDistributionConfigurationsResponse
        {
            DistributionConfigurationSummaryList = page.Items.Select(e => new DistributionConfigurationSummary
            {
                Arn = e.Arn,
                Name = e.Value.Name,
                Description = e.Value.Description,
                DateCreated = e.Value.DateCreated,
                DateUpdated = e.Value.DateUpdated,
                Tags = e.Value.Tags,
                Regions = e.Value.Distributions?.Select(d => d.Region!).ToList(),
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private string Delete<T>(ResourceStore<T> store, string arn, string what) where T : class, ImageBuilder.PS.Protocol.IAwsStructure
    {
        var entry = IbSupport.Require(store, arn);
        var pipeline = Dependencies.PipelinesUsingConfiguration(_state, entry.Arn).FirstOrDefault();
        if (pipeline is not null)
        {
            throw ServiceError.Dependency($"The {what} {entry.Arn} cannot be deleted: the image pipeline {pipeline} uses it.");
        }
        store.Remove(entry.Arn);
        return entry.Arn;
    }
}
