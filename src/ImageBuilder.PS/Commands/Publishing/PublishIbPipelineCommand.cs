using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Documents;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>
    /// Applies a pipeline folder (as Export-IbPipeline writes it) so that running it again changes nothing: publishes
    /// its components, workflows and recipe as the Publish- cmdlets do, creates or updates its configurations and the
    /// pipeline, and writes one plan line per resource. The whole folder is checked before anything is sent.
    /// </summary>
    [CallsOperations("imagebuilder", "ListComponents", "GetComponent", "CreateComponent", "ListWorkflows", "GetWorkflow", "CreateWorkflow",
        "ListImageRecipes", "GetImageRecipe", "CreateImageRecipe", "ListInfrastructureConfigurations", "GetInfrastructureConfiguration",
        "CreateInfrastructureConfiguration", "UpdateInfrastructureConfiguration", "ListDistributionConfigurations", "GetDistributionConfiguration",
        "CreateDistributionConfiguration", "UpdateDistributionConfiguration", "ListImagePipelines", "GetImagePipeline", "CreateImagePipeline", "UpdateImagePipeline",
        "TagResource", "UntagResource")]
    [Cmdlet(VerbsData.Publish, "IbPipeline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PlanItem))]
    public sealed class PublishIbPipelineCommand : PipelineFolderCmdlet
    {
        /// <summary>The folder, as Export-IbPipeline writes it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        public string Path { get; set; } = "";

        protected override void ProcessRecord()
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (!Directory.Exists(path))
            {
                WriteError(ErrorRecords.InvalidInput("FolderNotFound", $"-Path '{path}' is not a folder; give the folder Export-IbPipeline wrote.", path));
                return;
            }
            var (folder, problems) = PipelineFolderReader.Read(path);
            foreach (var problem in problems)
            {
                WriteError(ErrorRecords.InvalidInput("PipelineFolderInvalid", $"{problem} Nothing was sent.", System.IO.Path.Combine(path, problem.File)));
            }
            if (folder is null)
            {
                return;
            }
            Apply(folder);
        }

        private void Apply(PipelineFolder folder)
        {
            var components = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var component in folder.Components)
            {
                var arn = PublishDefinition("Component", "component", DefinitionPublications.Component(this, component.Version, v => Versioned(component.Request, v)),
                    (r, target) => Call(IbOperations.CreateComponent, (CreateComponentRequest)r, target)?.ComponentBuildVersionArn);
                if (arn is null) return;
                components[component.Name] = arn;
            }
            var workflows = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var workflow in folder.Workflows)
            {
                var arn = PublishDefinition("Workflow", "workflow/" + (workflow.Request.Type ?? "").ToLowerInvariant(),
                    DefinitionPublications.Workflow(this, workflow.Version, v => Versioned(workflow.Request, v)),
                    (r, target) => Call(IbOperations.CreateWorkflow, (CreateWorkflowRequest)r, target)?.WorkflowBuildVersionArn);
                if (arn is null) return;
                workflows[workflow.Name] = arn;
            }

            var recipe = folder.Recipe;
            Fill(recipe.Components, folder.RecipeComponents, components, (c, arn) => c.ComponentArn = arn);
            var recipeArn = PublishDefinition("Recipe", "image-recipe", DefinitionPublications.Recipe(this, folder.RecipeVersion, v => Versioned(recipe, v)),
                (r, target) => Call(IbOperations.CreateImageRecipe, (CreateImageRecipeRequest)r, target)?.ImageRecipeArn);
            if (recipeArn is null) return;

            var infrastructureArn = ApplySettings(ConfigurationKind.Infrastructure, "infrastructure-configuration", folder.Infrastructure.Request, folder.Infrastructure.Given);
            if (infrastructureArn is null) return;
            string? distributionArn = null;
            if (folder.Distribution is { } distribution)
            {
                distributionArn = ApplySettings(ConfigurationKind.Distribution, "distribution-configuration", distribution.Request, distribution.Given);
                if (distributionArn is null) return;
            }

            var pipeline = folder.Pipeline.Request;
            Fill(pipeline.Workflows, folder.PipelineWorkflows, workflows, (w, arn) => w.WorkflowArn = arn);
            pipeline.ImageRecipeArn = recipeArn;
            pipeline.InfrastructureConfigurationArn = infrastructureArn;
            pipeline.DistributionConfigurationArn = distributionArn;
            // The ARNs that join the parts are the folder's too; a distribution the folder does not name is kept.
            var given = folder.Pipeline.Given.Concat(new[] { "imageRecipeArn", "infrastructureConfigurationArn" });
            if (distributionArn is not null) given = given.Concat(new[] { "distributionConfigurationArn" });
            ApplySettings(ConfigurationKind.Pipeline, "image-pipeline", pipeline, given.ToList());
        }

        /// <summary>The entries that name a document of the folder get the ARN it was published under.</summary>
        private static void Fill<T>(List<T>? entries, IReadOnlyList<string?> names, Dictionary<string, string> arns, Action<T, string> set)
        {
            for (var i = 0; entries is not null && i < entries.Count && i < names.Count; i++)
            {
                if (names[i] is { } name) set(entries[i], arns[name]);
            }
        }

        private static CreateComponentRequest Versioned(CreateComponentRequest request, string version)
        {
            request.SemanticVersion = version;
            request.ClientToken = Guid.NewGuid().ToString();
            return request;
        }

        private static CreateWorkflowRequest Versioned(CreateWorkflowRequest request, string version)
        {
            request.SemanticVersion = version;
            request.ClientToken = Guid.NewGuid().ToString();
            return request;
        }

        private static CreateImageRecipeRequest Versioned(CreateImageRecipeRequest request, string version)
        {
            request.SemanticVersion = version;
            request.ClientToken = Guid.NewGuid().ToString();
            return request;
        }
    }
}
