using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
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
    public sealed class PublishIbRecipeCommand : IbCmdlet
    {
        private readonly List<ComponentConfiguration> _components = new();

        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(RecipeNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        public string Version { get; set; } = "";

        [Parameter(Mandatory = true)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(ParentImageCompleter))]
        public string ParentImage { get; set; } = "";

        [Parameter(ValueFromPipeline = true)]
        [Alias("Components")]
        [ConfigurationListTransformation(typeof(ComponentConfiguration), "componentArn")]
        [ApiMember("components")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public ComponentConfiguration[]? Component { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [Alias("BlockDeviceMappings")]
        [ShapeTransformation(typeof(InstanceBlockDeviceMapping))]
        [ApiMember("blockDeviceMappings")]
        public InstanceBlockDeviceMapping[]? BlockDeviceMapping { get; set; }

        [Parameter]
        public string? WorkingDirectory { get; set; }

        [Parameter]
        [ApiMember("additionalInstanceConfiguration")]
        public string? UserDataOverride { get; set; }

        [Parameter]
        public SwitchParameter UninstallSystemsManagerAgent { get; set; }

        [Parameter]
        [Alias("AmiTags")]
        [ApiMember("amiTags")]
        [ValidateTextValues]
        public Hashtable? AmiTag { get; set; }

        [Parameter]
        [Alias("AmiWatermarks")]
        [ApiMember("amiWatermarks")]
        public string[]? AmiWatermark { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        protected override void ProcessRecord() => _components.AddRange(Component ?? Array.Empty<ComponentConfiguration>());

        protected override void EndProcessing()
        {
            if (RecipeUserData.Fits(this, UserDataOverride, $"{Name} {Version}"))
            {
                Publish(new Publication<ImageRecipe>("image recipe", Name, Version)
                {
                    List = IbOperations.ListImageRecipes,
                    ListRequest = new ListImageRecipesRequest { Filters = new List<Filter> { new() { Name = "name", Values = new List<string> { Name } } } },
                    Get = arn => Call(ServiceBinding.ImageBuilder, IbOperations.GetImageRecipe, new GetImageRecipeRequest { ImageRecipeArn = arn }, arn) is GetImageRecipeResponse r ? r.ImageRecipe : null,
                    Compare = Compare,
                    Request = Request,
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

        private CreateImageRecipeRequest Request(string version) => new()
        {
            Name = Name,
            SemanticVersion = version,
            ParentImage = ParentImage,
            Components = _components.Count == 0 ? null : _components.ToList(),
            Description = Description,
            BlockDeviceMappings = BlockDeviceMapping?.ToList(),
            WorkingDirectory = WorkingDirectory,
            AdditionalInstanceConfiguration = RecipeUserData.InstanceConfiguration(UserDataOverride, UninstallSystemsManagerAgent.IsPresent),
            AmiTags = Tags.From(AmiTag),
            AmiWatermarks = AmiWatermark?.ToList(),
            Tags = Tags.From(Tag),
            ClientToken = Guid.NewGuid().ToString(),
        };

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
