using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>
    /// Gets the resource policy that shares an image build with other accounts (GetImagePolicy), with the build it belongs to. A
    /// version ARN stands for each of its builds.
    /// </summary>
    [ApiOperation("imagebuilder", "GetImagePolicy")]
    [Cmdlet(VerbsCommon.Get, "IbImagePolicy")]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class GetIbImagePolicyCommand : GetPolicyCmdlet<GetImagePolicyRequest, GetImagePolicyResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn", "ImageVersionArn")]
        [ApiMember("imageArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public override string Arn { get; set; } = "";

        public GetIbImagePolicyCommand() : base(IbOperations.GetImagePolicy, arn => new() { ImageArn = arn }, r => r.Policy) { }

        private protected override IEnumerable<string> Targets(string arn) => ExpandToBuildVersions(arn, "image", IbOperations.ListImageBuildVersions);
    }
}
