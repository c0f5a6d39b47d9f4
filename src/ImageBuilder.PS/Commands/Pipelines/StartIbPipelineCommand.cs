using System;
using System.Collections;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Pipelines
{
    /// <summary>
    /// Runs an image pipeline now (StartImagePipelineExecution) and writes the image the run builds, as Get-IbImage
    /// -Arn does, so it can be watched or waited for.
    /// </summary>
    [ApiOperation("imagebuilder", "StartImagePipelineExecution")]
    [Cmdlet(VerbsLifecycle.Start, "IbPipeline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Image))]
    public sealed class StartIbPipelineCommand : ImageWaitingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImagePipelineArn", "PipelineArn")]
        [ApiMember("imagePipelineArn")]
        [ArgumentCompleter(typeof(PipelineArnCompleter))]
        public string Arn { get; set; } = "";

        /// <summary>Tags for the image this run builds.</summary>
        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var request = new StartImagePipelineExecutionRequest
            {
                ImagePipelineArn = Arn,
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Start image pipeline"))
            {
                return;
            }
            if (Call(IbOperations.StartImagePipelineExecution, request, Arn) is { ImageBuildVersionArn: { } arn })
            {
                WriteCreatedImage(arn, () => new Image { SourcePipelineArn = Arn, Tags = request.Tags });
            }
        }
    }
}
