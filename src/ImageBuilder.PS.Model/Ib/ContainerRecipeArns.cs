namespace ImageBuilder.PS.Model.Ib
{
    // A container recipe carries its ARN as Arn, which the container recipe cmdlets' -Arn takes. This named copy
    // lets the same object bind by property name to New-IbImage -ContainerRecipeArn, where a plain Arn would be
    // ambiguous beside -RecipeArn and -InfrastructureConfigurationArn.

    public sealed partial class ContainerRecipe
    {
        /// <summary>The recipe's ARN (same as Arn), so the recipe binds to -ContainerRecipeArn by property name.</summary>
        public string? ContainerRecipeArn => Arn;
    }

    public sealed partial class ContainerRecipeSummary
    {
        /// <summary>The recipe's ARN (same as Arn), so the recipe binds to -ContainerRecipeArn by property name.</summary>
        public string? ContainerRecipeArn => Arn;
    }
}
