using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Pipelines
{
    /// <summary>Deletes image pipelines (DeleteImagePipeline). The images a pipeline built stay.</summary>
    [ApiOperation("imagebuilder", "DeleteImagePipeline")]
    [Cmdlet(VerbsCommon.Remove, "IbPipeline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbPipelineCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImagePipelineArn", "PipelineArn")]
        [ApiMember("imagePipelineArn")]
        [ArgumentCompleter(typeof(PipelineArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new DeleteImagePipelineRequest { ImagePipelineArn = Arn };
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Delete image pipeline", Force))
            {
                return;
            }
            if (Call(IbOperations.DeleteImagePipeline, request, Arn) is { } deleted && PassThru)
            {
                WriteObject(deleted.ImagePipelineArn ?? Arn);
            }
        }
    }
}
