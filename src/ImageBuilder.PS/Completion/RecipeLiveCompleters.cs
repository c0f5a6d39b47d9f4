using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Completion
{
    /// <summary>Names of the account's image recipes (or -Owner's).</summary>
    public sealed class RecipeNameCompleter : ListItemCompleter
    {
        public RecipeNameCompleter() : base(IbOperations.ListImageRecipes, "name") { }
    }

    /// <summary>ARNs of the account's image recipe versions.</summary>
    public sealed class RecipeArnCompleter : ListItemCompleter
    {
        public RecipeArnCompleter() : base(IbOperations.ListImageRecipes, "arn") { }
    }

    /// <summary>Names of the account's image pipelines.</summary>
    public sealed class PipelineNameCompleter : ListItemCompleter
    {
        public PipelineNameCompleter() : base(IbOperations.ListImagePipelines, "name") { }
    }

    /// <summary>ARNs of the account's image pipelines.</summary>
    public sealed class PipelineArnCompleter : ListItemCompleter
    {
        public PipelineArnCompleter() : base(IbOperations.ListImagePipelines, "arn") { }
    }

    /// <summary>Names of the account's infrastructure configurations.</summary>
    public sealed class InfrastructureConfigurationNameCompleter : ListItemCompleter
    {
        public InfrastructureConfigurationNameCompleter() : base(IbOperations.ListInfrastructureConfigurations, "name") { }
    }

    /// <summary>ARNs of the account's infrastructure configurations.</summary>
    public sealed class InfrastructureConfigurationArnCompleter : ListItemCompleter
    {
        public InfrastructureConfigurationArnCompleter() : base(IbOperations.ListInfrastructureConfigurations, "arn") { }
    }

    /// <summary>Names of the account's distribution configurations.</summary>
    public sealed class DistributionConfigurationNameCompleter : ListItemCompleter
    {
        public DistributionConfigurationNameCompleter() : base(IbOperations.ListDistributionConfigurations, "name") { }
    }

    /// <summary>ARNs of the account's distribution configurations.</summary>
    public sealed class DistributionConfigurationArnCompleter : ListItemCompleter
    {
        public DistributionConfigurationArnCompleter() : base(IbOperations.ListDistributionConfigurations, "arn") { }
    }
}
