using System;
using System.Collections;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>
    /// Distributes an image that is already built to the regions and accounts of a distribution configuration
    /// (DistributeImage), without building it again, and writes the image the distribution creates.
    /// </summary>
    [ApiOperation("imagebuilder", "DistributeImage")]
    [Cmdlet(VerbsLifecycle.Start, "IbImageDistribution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Image))]
    public sealed class StartIbImageDistributionCommand : ImageWaitingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Arn", "ImageBuildVersionArn", "ImageArn")]
        [ArnTransformation]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string SourceImage { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(DistributionConfigurationArnCompleter))]
        public string DistributionConfigurationArn { get; set; } = "";

        [Parameter(Mandatory = true)]
        public string ExecutionRole { get; set; } = "";

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
            var request = new DistributeImageRequest
            {
                SourceImage = SourceImage,
                DistributionConfigurationArn = DistributionConfigurationArn,
                ExecutionRole = ExecutionRole,
                LoggingConfiguration = LogGroupName is null ? null : new ImageLoggingConfiguration { LogGroupName = LogGroupName },
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            if (!Validate(request, SourceImage) || !ShouldProcess(SourceImage, $"Distribute image with {DistributionConfigurationArn}"))
            {
                return;
            }
            // The distribution was started: a failed read-back writes what is known, with a warning, never an error.
            if (Call(IbOperations.DistributeImage, request, SourceImage) is { ImageBuildVersionArn: { } arn })
            {
                WriteCreatedImage(arn, () => new Image { Tags = request.Tags });
            }
        }
    }
}
