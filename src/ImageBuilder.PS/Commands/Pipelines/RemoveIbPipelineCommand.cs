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
    public sealed class RemoveIbPipelineCommand : RemoveCmdlet<DeleteImagePipelineRequest, DeleteImagePipelineResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImagePipelineArn", "PipelineArn")]
        [ApiMember("imagePipelineArn")]
        [ArgumentCompleter(typeof(PipelineArnCompleter))]
        public override string Arn { get; set; } = "";

        public RemoveIbPipelineCommand() : base(IbOperations.DeleteImagePipeline, "image pipeline", arn => new() { ImagePipelineArn = arn }, r => r.ImagePipelineArn) { }
    }
}
