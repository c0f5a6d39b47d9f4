using System.Collections;
using System.Collections.Generic;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Completion
{
    /// <summary>
    /// Live completion for recipes, pipelines and configurations: one page of the List call, offered as names or as
    /// ARNs (with the name as the tooltip).
    /// </summary>
    public abstract class ResourceListCompleter : LiveCompleter
    {
        protected override ServiceBinding Binding => ServiceBinding.ImageBuilder;

        /// <summary>True to offer ARNs, false to offer names.</summary>
        protected abstract bool OffersArns { get; }

        protected abstract IEnumerable<(string? Name, string? Arn)> Resources(IAwsStructure page);

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            var seen = new HashSet<string>();
            foreach (var (name, arn) in Resources(page))
            {
                var text = OffersArns ? arn : name;
                if (text is not null && seen.Add(text)) yield return new CompletionValue(text, OffersArns ? name ?? text : arn ?? text);
            }
        }
    }

    public abstract class RecipeCompleter : ResourceListCompleter
    {
        protected override OperationDef Operation => IbOperations.ListImageRecipes;

        protected override IAwsStructure Request(IDictionary bound) => new ListImageRecipesRequest { Owner = bound["Owner"] as string, MaxResults = 25 };

        protected override IEnumerable<(string? Name, string? Arn)> Resources(IAwsStructure page)
        {
            foreach (var recipe in ((ListImageRecipesResponse)page).ImageRecipeSummaryList ?? new List<ImageRecipeSummary>()) yield return (recipe.Name, recipe.Arn);
        }
    }

    public sealed class RecipeNameCompleter : RecipeCompleter
    {
        protected override bool OffersArns => false;
    }

    public sealed class RecipeArnCompleter : RecipeCompleter
    {
        protected override bool OffersArns => true;
    }

    public abstract class PipelineCompleter : ResourceListCompleter
    {
        protected override OperationDef Operation => IbOperations.ListImagePipelines;

        protected override IAwsStructure Request(IDictionary bound) => new ListImagePipelinesRequest { MaxResults = 25 };

        protected override IEnumerable<(string? Name, string? Arn)> Resources(IAwsStructure page)
        {
            foreach (var pipeline in ((ListImagePipelinesResponse)page).ImagePipelineList ?? new List<ImagePipeline>()) yield return (pipeline.Name, pipeline.Arn);
        }
    }

    public sealed class PipelineNameCompleter : PipelineCompleter
    {
        protected override bool OffersArns => false;
    }

    public sealed class PipelineArnCompleter : PipelineCompleter
    {
        protected override bool OffersArns => true;
    }

    public abstract class InfrastructureConfigurationCompleter : ResourceListCompleter
    {
        protected override OperationDef Operation => IbOperations.ListInfrastructureConfigurations;

        protected override IAwsStructure Request(IDictionary bound) => new ListInfrastructureConfigurationsRequest { MaxResults = 25 };

        protected override IEnumerable<(string? Name, string? Arn)> Resources(IAwsStructure page)
        {
            var list = ((ListInfrastructureConfigurationsResponse)page).InfrastructureConfigurationSummaryList ?? new List<InfrastructureConfigurationSummary>();
            foreach (var configuration in list) yield return (configuration.Name, configuration.Arn);
        }
    }

    public sealed class InfrastructureConfigurationNameCompleter : InfrastructureConfigurationCompleter
    {
        protected override bool OffersArns => false;
    }

    public sealed class InfrastructureConfigurationArnCompleter : InfrastructureConfigurationCompleter
    {
        protected override bool OffersArns => true;
    }

    public abstract class DistributionConfigurationCompleter : ResourceListCompleter
    {
        protected override OperationDef Operation => IbOperations.ListDistributionConfigurations;

        protected override IAwsStructure Request(IDictionary bound) => new ListDistributionConfigurationsRequest { MaxResults = 25 };

        protected override IEnumerable<(string? Name, string? Arn)> Resources(IAwsStructure page)
        {
            var list = ((ListDistributionConfigurationsResponse)page).DistributionConfigurationSummaryList ?? new List<DistributionConfigurationSummary>();
            foreach (var configuration in list) yield return (configuration.Name, configuration.Arn);
        }
    }

    public sealed class DistributionConfigurationNameCompleter : DistributionConfigurationCompleter
    {
        protected override bool OffersArns => false;
    }

    public sealed class DistributionConfigurationArnCompleter : DistributionConfigurationCompleter
    {
        protected override bool OffersArns => true;
    }
}
