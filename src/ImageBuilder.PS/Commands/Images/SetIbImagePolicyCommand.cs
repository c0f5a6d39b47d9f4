using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
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
    public sealed class SetIbImagePolicyCommand : SetPolicyCmdlet<PutImagePolicyRequest, PutImagePolicyResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn", "ImageVersionArn")]
        [ApiMember("imageArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public override string Arn { get; set; } = "";

        public SetIbImagePolicyCommand() : base(IbOperations.PutImagePolicy, "image", (arn, policy) => new() { ImageArn = arn, Policy = policy }, r => r.ImageArn) { }

        private protected override IEnumerable<string> Targets(string arn) => ExpandToBuildVersions(arn, "image", IbOperations.ListImageBuildVersions);
    }
}
