using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Commands.Recipes;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>
    /// Publishes an image recipe idempotently: writes the newest version -Version matches when nothing compared
    /// differs, and otherwise creates the next version the pattern allows (CreateImageRecipe). Components piped in
    /// (Publish-IbComponent ... | Publish-IbRecipe ...) are gathered, in order, into the one recipe.
    /// </summary>
    [CallsOperations("imagebuilder", "ListImageRecipes", "GetImageRecipe", "CreateImageRecipe")]
    [Cmdlet(VerbsData.Publish, "IbRecipe", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageRecipe))]
    public sealed class PublishIbRecipeCommand : RecipeDefinitionCmdlet
    {
        private readonly List<ComponentConfiguration> _components = new();

        [Parameter(Mandatory = true, Position = 1)]
        public string Version { get; set; } = "";

        [Parameter(ValueFromPipeline = true)]
        [Alias("Components")]
        [ConfigurationListTransformation(typeof(ComponentConfiguration), "componentArn")]
        [ApiMember("components")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public ComponentConfiguration[]? Component { get; set; }

        protected override void ProcessRecord() => _components.AddRange(Component ?? Array.Empty<ComponentConfiguration>());

        protected override void EndProcessing()
        {
            if (_components.Count == 0)
            {
                // Checked here: an empty pipeline (every component upstream failed) must not reach the service as a recipe without them.
                WriteError(ErrorRecords.InvalidInput("ParameterRequired",
                    "-Component is required: give component ARNs or objects, or pipe components in (Publish-IbComponent ... | Publish-IbRecipe ...).", $"{Name} {Version}"));
            }
            else if (UserDataFits($"{Name} {Version}"))
            {
                Publish(DefinitionPublications.Recipe(this, Version, version => CreateRequest(version, _components), SendCreateImageRecipe));
            }
            base.EndProcessing();
        }
    }
}
