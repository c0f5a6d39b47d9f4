using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Commands.Recipes;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;

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
                Publish(new Publication<ImageRecipe>("image recipe", Name, Version)
                {
                    Versions = target => ReadPages(IbOperations.ListImageRecipes, new ListImageRecipesRequest { Filters = new List<Filter> { new() { Name = "name", Values = new List<string> { Name } } } }, target),
                    Get = arn => Call(IbOperations.GetImageRecipe, new GetImageRecipeRequest { ImageRecipeArn = arn }, arn) is { } r ? r.ImageRecipe : null,
                    Compare = Compare,
                    Request = version => CreateRequest(version, _components),
                    Send = (request, target) => SendCreateImageRecipe((CreateImageRecipeRequest)request, target),
                });
            }
            base.EndProcessing();
        }

        private DefinitionDifferences Compare(ImageRecipe stored)
        {
            var differences = new DefinitionDifferences()
                .Structures("Component", stored.Components, _components)
                .Text("ParentImage", stored.ParentImage, ParentImage)
                .Text("Description", stored.Description, Description)
                .Structures("BlockDeviceMapping", stored.BlockDeviceMappings, BlockDeviceMapping)
                .Text("UserDataOverride", Decoded(stored.AdditionalInstanceConfiguration?.UserDataOverride), UserDataOverride)
                .Text("UninstallSystemsManagerAgent", Flag(stored.AdditionalInstanceConfiguration?.SystemsManagerAgent?.UninstallAfterBuild == true), Flag(UninstallSystemsManagerAgent.IsPresent))
                .Map("AmiTag", stored.AmiTags, Tags.From(AmiTag))
                .Structures("AmiWatermark", stored.AmiWatermarks, AmiWatermark);
            // The service may fill in a working directory of its own; one left out is not compared.
            return WorkingDirectory is null ? differences : differences.Text("WorkingDirectory", stored.WorkingDirectory, WorkingDirectory);
        }

        private static string? Flag(bool on) => on ? "True" : null;

        /// <summary>The stored user data as the script it encodes, so it compares with -UserDataOverride.</summary>
        private static string? Decoded(string? base64)
        {
            if (string.IsNullOrEmpty(base64)) return null;
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            }
            catch (FormatException)
            {
                return base64;
            }
        }
    }
}
