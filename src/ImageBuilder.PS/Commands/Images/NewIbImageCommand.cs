using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>Starts a build of an image from a recipe and an infrastructure configuration (CreateImage) and writes the new image.</summary>
    [ApiOperation("imagebuilder", "CreateImage")]
    [Cmdlet(VerbsCommon.New, "IbImage", DefaultParameterSetName = RecipeSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Image))]
    public sealed class NewIbImageCommand : ImageWaitingCmdlet
    {
        private const string RecipeSet = "Recipe";
        private const string ContainerRecipeSet = "ContainerRecipe";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = RecipeSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageRecipeArn")]
        [ApiMember("imageRecipeArn")]
        [ArnTransformation]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public string RecipeArn { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = ContainerRecipeSet, ValueFromPipelineByPropertyName = true)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(ContainerRecipeArnCompleter))]
        public string ContainerRecipeArn { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(InfrastructureConfigurationArnCompleter))]
        public string InfrastructureConfigurationArn { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(DistributionConfigurationArnCompleter))]
        public string? DistributionConfigurationArn { get; set; }

        [Parameter]
        [Alias("ImageTestsEnabled")]
        public bool? ImageTests { get; set; }

        [Parameter]
        public bool? ImageScanning { get; set; }

        [Parameter]
        [ShapeTransformation(typeof(ImageScanningConfiguration))]
        public ImageScanningConfiguration? ImageScanningConfiguration { get; set; }

        [Parameter]
        [Alias("EnhancedImageMetadataEnabled")]
        public bool? EnhancedImageMetadata { get; set; }

        /// <summary>The earlier spelling of -ImageTests $false.</summary>
        [Parameter(DontShow = true)]
        public SwitchParameter SkipTest { get; set; }

        /// <summary>The earlier spelling of -ImageScanning $true.</summary>
        [Parameter(DontShow = true)]
        public SwitchParameter EnableImageScanning { get; set; }

        /// <summary>The earlier spelling of -EnhancedImageMetadata $false.</summary>
        [Parameter(DontShow = true)]
        public SwitchParameter DisableEnhancedImageMetadata { get; set; }

        [Parameter]
        [Alias("Workflows")]
        [ApiMember("workflows")]
        [ConfigurationListTransformation(typeof(WorkflowConfiguration), "workflowArn")]
        [ArgumentCompleter(typeof(WorkflowArnCompleter))]
        public WorkflowConfiguration[]? Workflow { get; set; }

        [Parameter]
        public string? ExecutionRole { get; set; }

        [Parameter]
        [ApiMember("loggingConfiguration")]
        public string? LogGroupName { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var tests = EarlierSwitches.Setting(this, nameof(ImageTests), ImageTests, nameof(SkipTest), SkipTest ? false : null);
            var metadata = EarlierSwitches.Setting(this, nameof(EnhancedImageMetadata), EnhancedImageMetadata, nameof(DisableEnhancedImageMetadata), DisableEnhancedImageMetadata ? false : null);
            var request = new CreateImageRequest
            {
                ImageRecipeArn = ParameterSetName == RecipeSet ? RecipeArn : null,
                ContainerRecipeArn = ParameterSetName == ContainerRecipeSet ? ContainerRecipeArn : null,
                InfrastructureConfigurationArn = InfrastructureConfigurationArn,
                DistributionConfigurationArn = DistributionConfigurationArn,
                ImageTestsConfiguration = tests is null ? null : new ImageTestsConfiguration { ImageTestsEnabled = tests },
                ImageScanningConfiguration = ScanningConfiguration(),
                EnhancedImageMetadataEnabled = metadata,
                Workflows = Workflow?.ToList(),
                ExecutionRole = ExecutionRole,
                LoggingConfiguration = LogGroupName is null ? null : new ImageLoggingConfiguration { LogGroupName = LogGroupName },
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var recipe = request.ImageRecipeArn ?? request.ContainerRecipeArn!;
            if (!Validate(request, recipe) || !ShouldProcess(recipe, "Build image"))
            {
                return;
            }
            if (Call(IbOperations.CreateImage, request, recipe) is { ImageBuildVersionArn: { } arn })
            {
                WriteCreatedImage(arn, () => new Image
                {
                    ExecutionRole = ExecutionRole, Tags = request.Tags, Workflows = request.Workflows,
                });
            }
        }

        /// <summary>-ImageScanning sets scanning on or off, in the given configuration or a new one.</summary>
        private ImageScanningConfiguration? ScanningConfiguration()
        {
            if (EarlierSwitches.Setting(this, nameof(ImageScanning), ImageScanning, nameof(EnableImageScanning), EnableImageScanning ? true : null) is not { } scanning)
            {
                return ImageScanningConfiguration;
            }
            var configuration = ImageScanningConfiguration ?? new ImageScanningConfiguration();
            configuration.ImageScanningEnabled = scanning;
            return configuration;
        }
    }
}
