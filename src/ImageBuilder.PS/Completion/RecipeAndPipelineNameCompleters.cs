using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Completion
{
    /// <summary>Names of the account's image recipes (or -Owner's).</summary>
    public sealed class RecipeNameCompleter : ListItemCompleter
    {
        public RecipeNameCompleter() : base(ItemListing.OfNames(IbOperations.ListImageRecipes, i => i.Name)) { }
    }

    /// <summary>ARNs of the account's image recipe versions.</summary>
    public sealed class RecipeArnCompleter : ListItemCompleter
    {
        public RecipeArnCompleter() : base(ItemListing.OfArns(IbOperations.ListImageRecipes)) { }
    }

    /// <summary>Names of the account's image pipelines.</summary>
    public sealed class PipelineNameCompleter : ListItemCompleter
    {
        public PipelineNameCompleter() : base(ItemListing.OfNames(IbOperations.ListImagePipelines, i => i.Name)) { }
    }

    /// <summary>ARNs of the account's image pipelines.</summary>
    public sealed class PipelineArnCompleter : ListItemCompleter
    {
        public PipelineArnCompleter() : base(ItemListing.OfArns(IbOperations.ListImagePipelines)) { }
    }

    /// <summary>Names of the account's infrastructure configurations.</summary>
    public sealed class InfrastructureConfigurationNameCompleter : ListItemCompleter
    {
        public InfrastructureConfigurationNameCompleter() : base(ItemListing.OfNames(IbOperations.ListInfrastructureConfigurations, i => i.Name)) { }
    }

    /// <summary>ARNs of the account's infrastructure configurations.</summary>
    public sealed class InfrastructureConfigurationArnCompleter : ListItemCompleter
    {
        public InfrastructureConfigurationArnCompleter() : base(ItemListing.OfArns(IbOperations.ListInfrastructureConfigurations)) { }
    }

    /// <summary>Names of the account's distribution configurations.</summary>
    public sealed class DistributionConfigurationNameCompleter : ListItemCompleter
    {
        public DistributionConfigurationNameCompleter() : base(ItemListing.OfNames(IbOperations.ListDistributionConfigurations, i => i.Name)) { }
    }

    /// <summary>ARNs of the account's distribution configurations.</summary>
    public sealed class DistributionConfigurationArnCompleter : ListItemCompleter
    {
        public DistributionConfigurationArnCompleter() : base(ItemListing.OfArns(IbOperations.ListDistributionConfigurations)) { }
    }
}
