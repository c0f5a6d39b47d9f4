using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Recipes
{
    /// <summary>
    /// What an image recipe is made of besides its components, as New-IbRecipe and Publish-IbRecipe both take it:
    /// the parent image, description, block devices, working directory, user data, AMI tags and watermarks, tags.
    /// (Each cmdlet declares -Component itself: Publish-IbRecipe gathers it from the pipeline.)
    /// </summary>
    public abstract class RecipeDefinitionCmdlet : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(RecipeNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(ParentImageCompleter))]
        public string ParentImage { get; set; } = "";

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

        /// <summary>The create request for a version, with a new client token; user data is encoded here.</summary>
        private protected CreateImageRecipeRequest CreateRequest(string version, IReadOnlyCollection<ComponentConfiguration>? components) => new()
        {
            Name = Name,
            SemanticVersion = version,
            ParentImage = ParentImage,
            Components = components is null || components.Count == 0 ? null : components.ToList(),
            Description = Description,
            BlockDeviceMappings = BlockDeviceMapping?.ToList(),
            WorkingDirectory = WorkingDirectory,
            AdditionalInstanceConfiguration = RecipeUserData.InstanceConfiguration(UserDataOverride, UninstallSystemsManagerAgent.IsPresent),
            AmiTags = Tags.From(AmiTag),
            AmiWatermarks = AmiWatermark?.ToList(),
            Tags = Tags.From(Tag),
            ClientToken = Guid.NewGuid().ToString(),
        };

        /// <summary>Whether -UserDataOverride fits the service's limit; the error is written when it does not.</summary>
        private protected bool UserDataFits(string target) => RecipeUserData.Fits(this, UserDataOverride, target);

        /// <summary>
        /// The create of a image recipe version, shared by New- and Publish-: the request was checked and confirmed by
        /// the caller; this sends it and writes the new resource as Get- would (see <see cref="IbCmdlet.WriteCreated"/>).
        /// </summary>
        private protected void SendCreateImageRecipe(CreateImageRecipeRequest request, string target)
        {
            if (Call(IbOperations.CreateImageRecipe, request, target) is { ImageRecipeArn: { } arn })
            {
                WriteCreated(IbOperations.GetImageRecipe, new GetImageRecipeRequest { ImageRecipeArn = arn }, arn,
                    r => r.ImageRecipe,
                    () => new ImageRecipe
                    {
                        Arn = arn, Name = request.Name, Version = NameAndVersionOf(arn).Version, ParentImage = request.ParentImage, Components = request.Components,
                        Description = request.Description, BlockDeviceMappings = request.BlockDeviceMappings, WorkingDirectory = request.WorkingDirectory, Tags = request.Tags,
                    },
                    $"Get-IbRecipe -Arn {arn}");
            }
        }
    }
}
