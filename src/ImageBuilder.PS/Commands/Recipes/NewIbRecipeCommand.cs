using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Recipes
{
    /// <summary>Creates an image recipe (CreateImageRecipe) and writes the new recipe.</summary>
    [ApiOperation("imagebuilder", "CreateImageRecipe")]
    [Cmdlet(VerbsCommon.New, "IbRecipe", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageRecipe))]
    public sealed class NewIbRecipeCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [Alias("Version")]
        public string SemanticVersion { get; set; } = "";

        [Parameter(Mandatory = true)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(ParentImageCompleter))]
        public string ParentImage { get; set; } = "";

        [Parameter]
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

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var request = new CreateImageRecipeRequest
            {
                Name = Name,
                SemanticVersion = SemanticVersion,
                ParentImage = ParentImage,
                Components = Component?.ToList(),
                Description = Description,
                BlockDeviceMappings = BlockDeviceMapping?.ToList(),
                WorkingDirectory = WorkingDirectory,
                AdditionalInstanceConfiguration = RecipeUserData.InstanceConfiguration(UserDataOverride, UninstallSystemsManagerAgent.IsPresent),
                AmiTags = Tags.From(AmiTag),
                AmiWatermarks = AmiWatermark?.ToList(),
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var target = $"{Name} {SemanticVersion}";
            if (!RecipeUserData.Fits(this, UserDataOverride, target) || !Validate(request, target) || !ShouldProcess(target, "Create image recipe"))
            {
                return;
            }
            SendCreateImageRecipe(request, target);
        }
    }
}
