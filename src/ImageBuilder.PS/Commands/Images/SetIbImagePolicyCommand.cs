using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>
    /// Applies a resource policy to an image build (PutImagePolicy), to share it with other accounts. A version
    /// ARN stands for each of its builds.
    /// </summary>
    [ApiOperation("imagebuilder", "PutImagePolicy")]
    [Cmdlet(VerbsCommon.Set, "IbImagePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class SetIbImagePolicyCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn", "ImageVersionArn")]
        [ApiMember("imageArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [PolicyTransformation]
        public string Policy { get; set; } = "";

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (PolicyText.Refusal(Policy) is { } refusal)
            {
                WriteError(refusal);
                return;
            }
            // Listed in full before the first change, so that any listing error comes before the prompts.
            foreach (var buildArn in ExpandToBuildVersions(Arn, "image", IbOperations.ListImageBuildVersions).ToList())
            {
                var request = new PutImagePolicyRequest { ImageArn = buildArn, Policy = Policy };
                if (!Validate(request, buildArn) || !ShouldProcess(buildArn, "Set image policy"))
                {
                    continue;
                }
                if (Call(IbOperations.PutImagePolicy, request, buildArn) is { } response && PassThru)
                {
                    WriteObject(new ResourcePolicy { Arn = response.ImageArn ?? buildArn, Policy = Policy });
                }
            }
        }
    }
}
