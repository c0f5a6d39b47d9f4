using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>
    /// Lists the packages installed in an image build (ListImagePackages). A version ARN stands for each of its
    /// builds; every package says which build it was found in.
    /// </summary>
    [ApiOperation("imagebuilder", "ListImagePackages")]
    [Cmdlet(VerbsCommon.Get, "IbImagePackage", SupportsPaging = true)]
    [OutputType(typeof(ImagePackage))]
    public sealed class GetIbImagePackageCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn", "ImageVersionArn")]
        [ApiMember("imageBuildVersionArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var buildArn in ExpandToBuildVersions(Arn, "image", IbOperations.ListImageBuildVersions))
            {
                var request = new ListImagePackagesRequest { ImageBuildVersionArn = buildArn, MaxResults = MaxResults };
                if (!Validate(request, buildArn))
                {
                    return;
                }
                foreach (var package in ReadPages(IbOperations.ListImagePackages, request, buildArn))
                {
                    package.ImageBuildVersionArn = buildArn;
                    if (!Paged.Write(package))
                    {
                        return;
                    }
                }
            }
        }
    }
}
