using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Pipelines
{
    /// <summary>
    /// Creates an image pipeline (CreateImagePipeline) and writes it. A recipe or configuration piped in binds by its
    /// ARN: New-IbRecipe ... | New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra.
    /// </summary>
    [ApiOperation("imagebuilder", "CreateImagePipeline")]
    [Cmdlet(VerbsCommon.New, "IbPipeline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImagePipeline))]
    public sealed class NewIbPipelineCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ImageRecipeArn")]
        [ApiMember("imageRecipeArn")]
        [ArnTransformation]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public string? RecipeArn { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArnTransformation]
        public string? ContainerRecipeArn { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(InfrastructureConfigurationArnCompleter))]
        public string InfrastructureConfigurationArn { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(DistributionConfigurationArnCompleter))]
        public string? DistributionConfigurationArn { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ScheduleTransformation]
        public Schedule? Schedule { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(PipelineStatusCompleter))]
        public string? Status { get; set; }

        [Parameter]
        [Alias("ImageTestsEnabled")]
        public bool? ImageTests { get; set; }

        [Parameter]
        [ApiMember("imageTestsConfiguration")]
        public int? ImageTestTimeoutMinutes { get; set; }

        [Parameter]
        [Alias("EnhancedImageMetadataEnabled")]
        public bool? EnhancedImageMetadata { get; set; }

        [Parameter]
        public bool? ImageScanning { get; set; }

        /// <summary>The earlier spelling of -ImageScanning, a switch (-ImageScanningEnabled:$false turned it off).</summary>
        [Parameter(DontShow = true)]
        public SwitchParameter ImageScanningEnabled { get; set; }

        [Parameter]
        [Alias("Workflows")]
        [ApiMember("workflows")]
        [ConfigurationListTransformation(typeof(WorkflowConfiguration), "workflowArn")]
        public WorkflowConfiguration[]? Workflow { get; set; }

        [Parameter]
        public string? ExecutionRole { get; set; }

        [Parameter]
        [ShapeTransformation(typeof(PipelineLoggingConfiguration))]
        public PipelineLoggingConfiguration? LoggingConfiguration { get; set; }

        /// <summary>Tags for the images the pipeline builds.</summary>
        [Parameter]
        [Alias("ImageTags")]
        [ApiMember("imageTags")]
        [ValidateTextValues]
        public Hashtable? ImageTag { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var scanning = EarlierSwitches.Setting(this, nameof(ImageScanning), ImageScanning, nameof(ImageScanningEnabled),
                MyInvocation.BoundParameters.ContainsKey(nameof(ImageScanningEnabled)) ? ImageScanningEnabled.ToBool() : null);
            var request = new CreateImagePipelineRequest
            {
                Name = Name,
                Description = Description,
                ImageRecipeArn = RecipeArn,
                ContainerRecipeArn = ContainerRecipeArn,
                InfrastructureConfigurationArn = InfrastructureConfigurationArn,
                DistributionConfigurationArn = DistributionConfigurationArn,
                Schedule = Schedule,
                Status = Status,
                ImageTestsConfiguration = ImageTests is null && ImageTestTimeoutMinutes is null
                    ? null
                    : new ImageTestsConfiguration { ImageTestsEnabled = ImageTests, TimeoutMinutes = ImageTestTimeoutMinutes },
                EnhancedImageMetadataEnabled = EnhancedImageMetadata,
                ImageScanningConfiguration = scanning is null ? null : new ImageScanningConfiguration { ImageScanningEnabled = scanning },
                Workflows = Workflow?.ToList(),
                ExecutionRole = ExecutionRole,
                LoggingConfiguration = LoggingConfiguration,
                ImageTags = Tags.From(ImageTag),
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            if (!Validate(request, Name) || !ShouldProcess(Name, "Create image pipeline"))
            {
                return;
            }
            if (Call(IbOperations.CreateImagePipeline, request, Name) is { ImagePipelineArn: { } arn })
            {
                WriteCreated(IbOperations.GetImagePipeline, new GetImagePipelineRequest { ImagePipelineArn = arn }, arn,
                    r => r.ImagePipeline,
                    () => new ImagePipeline
                    {
                        Arn = arn, Name = Name, Description = Description, ImageRecipeArn = RecipeArn, ContainerRecipeArn = ContainerRecipeArn,
                        InfrastructureConfigurationArn = InfrastructureConfigurationArn, DistributionConfigurationArn = DistributionConfigurationArn,
                        Schedule = Schedule, Status = Status, ExecutionRole = ExecutionRole, Tags = request.Tags,
                    },
                    $"Get-IbPipeline -Arn {arn}");
            }
        }
    }
}
