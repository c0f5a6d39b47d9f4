using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>
    /// Deletes image build versions (DeleteImage). Given a version ARN (as Get-IbImage lists them), deletes each
    /// build of that version. The AMIs and container images a build produced are not deleted with it.
    /// </summary>
    [ApiOperation("imagebuilder", "DeleteImage")]
    [Cmdlet(VerbsCommon.Remove, "IbImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbImageCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn", "ImageVersionArn")]
        [ApiMember("imageBuildVersionArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            // Listed in full first: deleting while paging through the builds could make the service skip some.
            foreach (var buildArn in ExpandToBuildVersions(Arn, "image", IbOperations.ListImageBuildVersions).ToList())
            {
                var request = new DeleteImageRequest { ImageBuildVersionArn = buildArn };
                if (!Validate(request, buildArn) || !ShouldProcess(buildArn, "Delete image build version", Force))
                {
                    continue;
                }
                if (Call(IbOperations.DeleteImage, request, buildArn) is { } deleted && PassThru)
                {
                    WriteObject(deleted.ImageBuildVersionArn ?? buildArn);
                }
            }
        }
    }
}
