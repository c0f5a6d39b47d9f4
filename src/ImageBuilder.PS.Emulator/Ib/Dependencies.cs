using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>Which resources use which: the service refuses to delete a resource another one still refers to.</summary>
internal static class Dependencies
{
    /// <summary>The recipes (image and container) whose component list selects this component build.</summary>
    public static IEnumerable<string> RecipesUsing(EmulatorState state, Entry<Component> component)
    {
        foreach (var recipe in state.ImageRecipes.All)
        {
            if (Selects(recipe.Value.Components, component)) yield return recipe.Arn;
        }
        foreach (var recipe in state.ContainerRecipes.All)
        {
            if (Selects(recipe.Value.Components, component)) yield return recipe.Arn;
        }
    }

    /// <summary>The pipelines that name this ARN as their infrastructure or distribution configuration.</summary>
    public static IEnumerable<string> PipelinesUsingConfiguration(EmulatorState state, string arn) =>
        state.Pipelines.All.Where(p => p.Value.InfrastructureConfigurationArn == arn || p.Value.DistributionConfigurationArn == arn)
            .Select(p => p.Arn);

    /// <summary>The pipelines whose recipe reference (an exact version or a wildcard such as x.x.x) selects this recipe version.</summary>
    public static IEnumerable<string> PipelinesUsingRecipe<T>(EmulatorState state, Entry<T> recipe) where T : class, IAwsStructure =>
        state.Pipelines.All.Where(p => References(p.Value.ImageRecipeArn ?? p.Value.ContainerRecipeArn, recipe.Family, recipe.Version, recipe.Build))
            .Select(p => p.Arn);

    /// <summary>The pipelines whose workflow list selects this workflow build.</summary>
    public static IEnumerable<string> PipelinesUsingWorkflow(EmulatorState state, Entry<Workflow> workflow) =>
        state.Pipelines.All.Where(p => p.Value.Workflows?.Any(w => References(w.WorkflowArn, workflow.Family, workflow.Version, workflow.Build)) == true)
            .Select(p => p.Arn);

    private static bool Selects(List<ComponentConfiguration>? components, Entry<Component> component) =>
        components?.Any(c => References(c.ComponentArn, component.Family, component.Version, component.Build)) == true;

    /// <summary>Whether a version, wildcard or build ARN selects a given build of a resource.</summary>
    public static bool References(string? reference, string family, SemanticVersion version, int build)
    {
        if (reference is null || !IbArn.TryParse(reference, out var arn) || IbSupport.Family(arn) != family)
        {
            return false;
        }
        if (arn.Version is null || !VersionPattern.TryParse(arn.Version, out var pattern) || !pattern.Matches(version))
        {
            return false;
        }
        return arn.Build is null || arn.Build == build.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
