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
                AdditionalInstanceConfiguration = InstanceConfiguration(),
                AmiTags = Tags.From(AmiTag),
                AmiWatermarks = AmiWatermark?.ToList(),
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var target = $"{Name} {SemanticVersion}";
            if (!UserDataFits(target) || !Validate(request, target) || !ShouldProcess(target, "Create image recipe"))
            {
                return;
            }
            if (Call(ServiceBinding.ImageBuilder, IbOperations.CreateImageRecipe, request, target) is CreateImageRecipeResponse { ImageRecipeArn: { } arn })
            {
                WriteCreated<GetImageRecipeResponse, ImageRecipe>(ServiceBinding.ImageBuilder, IbOperations.GetImageRecipe, new GetImageRecipeRequest { ImageRecipeArn = arn }, arn,
                    r => r.ImageRecipe,
                    () => new ImageRecipe
                    {
                        Arn = arn, Name = Name, Version = SemanticVersion, ParentImage = ParentImage, Components = request.Components, Description = Description,
                        BlockDeviceMappings = request.BlockDeviceMappings, WorkingDirectory = WorkingDirectory, Tags = request.Tags,
                    },
                    $"Get-IbRecipe -Arn {arn}");
            }
        }

        /// <summary>
        /// The service's limit is on the base64 text it receives; the user wrote the script. So the script's own size
        /// (UTF-8 bytes) is checked against the raw size that limit allows, and the message talks in those terms.
        /// </summary>
        private bool UserDataFits(string target)
        {
            if (UserDataOverride is null)
            {
                return true;
            }
            var encodedLimit = (long)(IbShapes.UserDataOverride.Max ?? double.MaxValue);
            var rawLimit = encodedLimit / 4 * 3;
            var bytes = Encoding.UTF8.GetByteCount(UserDataOverride);
            if (bytes <= rawLimit)
            {
                return true;
            }
            WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                $"-UserDataOverride is {bytes:N0} bytes (UTF-8); user data can be at most {rawLimit:N0} bytes (the service takes it base64-encoded, at most {encodedLimit:N0} characters).",
                target));
            return false;
        }

        /// <summary>
        /// The service wants user data base64-encoded; people write scripts. The script is encoded here, so the
        /// parameter takes the text a build instance should run.
        /// </summary>
        private AdditionalInstanceConfiguration? InstanceConfiguration()
        {
            if (UserDataOverride is null && !UninstallSystemsManagerAgent.IsPresent)
            {
                return null;
            }
            return new AdditionalInstanceConfiguration
            {
                UserDataOverride = UserDataOverride is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(UserDataOverride)),
                SystemsManagerAgent = UninstallSystemsManagerAgent.IsPresent ? new SystemsManagerAgent { UninstallAfterBuild = true } : null,
            };
        }
    }
}
