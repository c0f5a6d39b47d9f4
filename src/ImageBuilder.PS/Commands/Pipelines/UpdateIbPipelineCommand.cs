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
    /// Changes an image pipeline (UpdateImagePipeline). The operation replaces the whole pipeline, so the cmdlet
    /// reads the pipeline first and sends it back with only the given parameters changed; it writes the result.
    /// </summary>
    [ApiOperation("imagebuilder", "UpdateImagePipeline")]
    [Cmdlet(VerbsData.Update, "IbPipeline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImagePipeline))]
    public sealed class UpdateIbPipelineCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImagePipelineArn", "PipelineArn")]
        [ApiMember("imagePipelineArn")]
        [ArgumentCompleter(typeof(PipelineArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ApiMember("imageRecipeArn")]
        [ArnTransformation]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public string? RecipeArn { get; set; }

        [Parameter]
        [ArnTransformation]
        public string? ContainerRecipeArn { get; set; }

        [Parameter]
        [ArnTransformation]
        [ArgumentCompleter(typeof(InfrastructureConfigurationArnCompleter))]
        public string? InfrastructureConfigurationArn { get; set; }

        [Parameter]
        [ArnTransformation]
        [ArgumentCompleter(typeof(DistributionConfigurationArnCompleter))]
        public string? DistributionConfigurationArn { get; set; }

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

        [Parameter]
        [Alias("ImageTags")]
        [ApiMember("imageTags")]
        [ValidateTextValues]
        public Hashtable? ImageTag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var get = new GetImagePipelineRequest { ImagePipelineArn = Arn };
            if (!Validate(get, Arn) || Call(IbOperations.GetImagePipeline, get, Arn) is not { ImagePipeline: { } current })
            {
                return;
            }
            var request = UpdateRequests.FromCurrent<UpdateImagePipelineRequest>(current);
            request.ImagePipelineArn = current.Arn ?? Arn;
            request.ClientToken = ClientToken ?? Guid.NewGuid().ToString();
            var changed = Apply(request);
            if (!ShouldSendUpdate(request, changed, current, Arn, "image pipeline"))
            {
                return;
            }
            if (Call(IbOperations.UpdateImagePipeline, request, Arn) is not null)
            {
                WriteUpdated(IbOperations.GetImagePipeline, get, Arn, r => r.ImagePipeline, current, $"Get-IbPipeline -Arn {Arn}");
            }
        }

        /// <summary>Sets what the user gave (an empty string clears an optional setting) and names what changed.</summary>
        private ChangeList Apply(UpdateImagePipelineRequest request)
        {
            var changed = new ChangeList(this);
            if (changed.Given(nameof(Description))) request.Description = ChangeList.OrNull(Description);
            if (changed.Given(nameof(RecipeArn))) request.ImageRecipeArn = ChangeList.OrNull(RecipeArn);
            if (changed.Given(nameof(ContainerRecipeArn))) request.ContainerRecipeArn = ChangeList.OrNull(ContainerRecipeArn);
            // A pipeline builds from one kind of recipe: giving the other kind alone switches it over.
            if (request.ImageRecipeArn is not null && request.ContainerRecipeArn is not null)
            {
                if (!changed.Has(nameof(RecipeArn))) request.ImageRecipeArn = null;
                else if (!changed.Has(nameof(ContainerRecipeArn))) request.ContainerRecipeArn = null;
            }
            if (changed.Given(nameof(InfrastructureConfigurationArn))) request.InfrastructureConfigurationArn = InfrastructureConfigurationArn;
            if (changed.Given(nameof(DistributionConfigurationArn))) request.DistributionConfigurationArn = ChangeList.OrNull(DistributionConfigurationArn);
            if (changed.Given(nameof(Schedule))) request.Schedule = Schedule;
            if (changed.Given(nameof(Status))) request.Status = Status;
            // Both test settings share one structure; | (not ||) so that each given one is named as changed.
            if (changed.Given(nameof(ImageTests)) | changed.Given(nameof(ImageTestTimeoutMinutes)))
            {
                var tests = request.ImageTestsConfiguration ?? new ImageTestsConfiguration();
                tests.ImageTestsEnabled = ImageTests ?? tests.ImageTestsEnabled;
                tests.TimeoutMinutes = ImageTestTimeoutMinutes ?? tests.TimeoutMinutes;
                request.ImageTestsConfiguration = tests;
            }
            if (changed.Given(nameof(EnhancedImageMetadata))) request.EnhancedImageMetadataEnabled = EnhancedImageMetadata;
            if (changed.Given(nameof(ImageScanning)) | changed.Given(nameof(ImageScanningEnabled)))
            {
                var scanning = request.ImageScanningConfiguration ?? new ImageScanningConfiguration();
                scanning.ImageScanningEnabled = EarlierSwitches.Setting(this, nameof(ImageScanning), ImageScanning, nameof(ImageScanningEnabled),
                    changed.Has(nameof(ImageScanningEnabled)) ? ImageScanningEnabled.ToBool() : null);
                request.ImageScanningConfiguration = scanning;
            }
            if (changed.Given(nameof(Workflow))) request.Workflows = Workflow is { Length: > 0 } ? Workflow.ToList() : null;
            if (changed.Given(nameof(ExecutionRole))) request.ExecutionRole = ChangeList.OrNull(ExecutionRole);
            if (changed.Given(nameof(LoggingConfiguration))) request.LoggingConfiguration = LoggingConfiguration;
            if (changed.Given(nameof(ImageTag))) request.ImageTags = ImageTag is { Count: > 0 } ? Tags.From(ImageTag) : null;
            return changed;
        }
    }
}
