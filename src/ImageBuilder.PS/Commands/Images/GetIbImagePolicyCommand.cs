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
    public sealed class GetIbImagePolicyCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn", "ImageVersionArn")]
        [ApiMember("imageArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string Arn { get; set; } = "";

        protected override void ProcessRecord()
        {
            foreach (var buildArn in ExpandToBuildVersions(Arn, "image", IbOperations.ListImageBuildVersions))
            {
                var request = new GetImagePolicyRequest { ImageArn = buildArn };
                if (Validate(request, buildArn) && Call(IbOperations.GetImagePolicy, request, buildArn) is { } response)
                {
                    WriteObject(new ResourcePolicy { Arn = buildArn, Policy = response.Policy });
                }
            }
        }
    }
}
