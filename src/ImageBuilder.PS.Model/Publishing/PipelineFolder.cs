using System.Collections.Generic;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Model.Publishing
{
    /// <summary>
    /// The names a pipeline folder uses, shared by Export-IbPipeline (which writes them) and Publish-IbPipeline
    /// (which reads them), so the two cannot drift apart.
    /// </summary>
    public static class PipelineFolderLayout
    {
        public const string PipelineFile = "pipeline.yaml";
        public const string ComponentFolder = "components";
        public const string WorkflowFolder = "workflows";

        // The sections of pipeline.yaml.
        public const string Pipeline = "pipeline";
        public const string Recipe = "recipe";
        public const string Infrastructure = "infrastructureConfiguration";
        public const string Distribution = "distributionConfiguration";
        public const string Components = "components";
        public const string Workflows = "workflows";

        /// <summary>The key that refers to a document of the folder by name, in place of an ARN.</summary>
        public const string ComponentReference = "component";
        public const string WorkflowReference = "workflow";
        /// <summary>A definition's version: an exact version or a pattern such as 1.0.x.</summary>
        public const string Version = "version";
        /// <summary>A document's file, relative to the folder.</summary>
        public const string File = "file";
    }

    /// <summary>A component or workflow the account owns, as the folder gives it: its create request holds the document.</summary>
    public sealed class FolderDefinition<TRequest> where TRequest : class
    {
        public FolderDefinition(string name, string version, string file, TRequest request)
        {
            Name = name;
            Version = version;
            File = file;
            Request = request;
        }

        public string Name { get; }
        /// <summary>An exact version or a pattern (1.0.x), as Publish-IbComponent's -Version.</summary>
        public string Version { get; }
        /// <summary>The document's file, relative to the folder, for messages.</summary>
        public string File { get; }
        /// <summary>The create request without its version and client token, which publishing sets.</summary>
        public TRequest Request { get; }
    }

    /// <summary>
    /// A configuration (infrastructure, distribution, the pipeline itself) as the folder gives it, and which of its
    /// settings the file names: only those are applied to a configuration that exists, so a setting the file leaves
    /// out is kept as it is and one given empty is cleared.
    /// </summary>
    public sealed class FolderSettings<TRequest> where TRequest : class
    {
        public FolderSettings(TRequest request, IReadOnlyCollection<string> given)
        {
            Request = request;
            Given = given;
        }

        public TRequest Request { get; }
        /// <summary>The wire names of the settings the file names (an empty value included).</summary>
        public IReadOnlyCollection<string> Given { get; }
    }

    /// <summary>What a pipeline folder defines, read and checked; the ARNs between its parts are filled in on publishing.</summary>
    public sealed class PipelineFolder
    {
        public PipelineFolder(string path, FolderSettings<CreateImagePipelineRequest> pipeline, IReadOnlyList<string?> pipelineWorkflows,
            string recipeVersion, CreateImageRecipeRequest recipe, IReadOnlyList<string?> recipeComponents,
            FolderSettings<CreateInfrastructureConfigurationRequest> infrastructure, FolderSettings<CreateDistributionConfigurationRequest>? distribution,
            IReadOnlyList<FolderDefinition<CreateComponentRequest>> components, IReadOnlyList<FolderDefinition<CreateWorkflowRequest>> workflows)
        {
            Path = path;
            Pipeline = pipeline;
            PipelineWorkflows = pipelineWorkflows;
            RecipeVersion = recipeVersion;
            Recipe = recipe;
            RecipeComponents = recipeComponents;
            Infrastructure = infrastructure;
            Distribution = distribution;
            Components = components;
            Workflows = workflows;
        }

        public string Path { get; }
        public FolderSettings<CreateImagePipelineRequest> Pipeline { get; }
        /// <summary>Per entry of the pipeline's workflows: the name of the folder's workflow it uses, or null for an ARN given as it is.</summary>
        public IReadOnlyList<string?> PipelineWorkflows { get; }
        public string RecipeVersion { get; }
        public CreateImageRecipeRequest Recipe { get; }
        /// <summary>Per entry of the recipe's components: the name of the folder's component it uses, or null for an ARN given as it is.</summary>
        public IReadOnlyList<string?> RecipeComponents { get; }
        public FolderSettings<CreateInfrastructureConfigurationRequest> Infrastructure { get; }
        public FolderSettings<CreateDistributionConfigurationRequest>? Distribution { get; }
        public IReadOnlyList<FolderDefinition<CreateComponentRequest>> Components { get; }
        public IReadOnlyList<FolderDefinition<CreateWorkflowRequest>> Workflows { get; }
    }

    /// <summary>Something wrong in a pipeline folder: the file, the field (a path such as recipe.components[1]) and the rule.</summary>
    public sealed class FolderProblem
    {
        public FolderProblem(string file, string field, int line, string message)
        {
            File = file;
            Field = field;
            Line = line;
            Message = message;
        }

        public string File { get; }
        public string Field { get; }
        /// <summary>1-based; 0 when the problem is about the file as a whole.</summary>
        public int Line { get; }
        public string Message { get; }

        public override string ToString() =>
            (Line > 0 ? $"{File}, line {Line}" : File) + (Field.Length > 0 ? $", {Field}: " : ": ") + Message;
    }
}
