namespace ImageBuilder.PS.Model.Ib
{
    // A recipe or configuration object carries its ARN as Arn, which every cmdlet's -Arn takes. These named copies
    // let the same object bind by property name to the parameter of a cmdlet that takes several kinds of ARN
    // (New-IbPipeline -RecipeArn, -InfrastructureConfigurationArn, -DistributionConfigurationArn), where a
    // plain Arn would be ambiguous: New-IbRecipe ... | New-IbPipeline -Name nightly ...

    public sealed partial class ImageRecipe
    {
        /// <summary>The recipe's ARN (same as Arn), so the recipe binds to -RecipeArn by property name.</summary>
        public string? ImageRecipeArn => Arn;
    }

    public sealed partial class ImageRecipeSummary
    {
        /// <summary>The recipe's ARN (same as Arn), so the recipe binds to -RecipeArn by property name.</summary>
        public string? ImageRecipeArn => Arn;
    }

    public sealed partial class InfrastructureConfiguration
    {
        /// <summary>Same as Arn, so the configuration binds to -InfrastructureConfigurationArn by property name.</summary>
        public string? InfrastructureConfigurationArn => Arn;
    }

    public sealed partial class InfrastructureConfigurationSummary
    {
        /// <summary>Same as Arn, so the configuration binds to -InfrastructureConfigurationArn by property name.</summary>
        public string? InfrastructureConfigurationArn => Arn;
    }

    public sealed partial class DistributionConfiguration
    {
        /// <summary>Same as Arn, so the configuration binds to -DistributionConfigurationArn by property name.</summary>
        public string? DistributionConfigurationArn => Arn;
    }

    public sealed partial class DistributionConfigurationSummary
    {
        /// <summary>Same as Arn, so the configuration binds to -DistributionConfigurationArn by property name.</summary>
        public string? DistributionConfigurationArn => Arn;
    }
}
