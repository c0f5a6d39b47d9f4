using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>Lists the builds of a component version (ListComponentBuildVersions).</summary>
    [ApiOperation("imagebuilder", "ListComponentBuildVersions")]
    [Cmdlet(VerbsCommon.Get, "IbComponentBuildVersion", SupportsPaging = true)]
    [OutputType(typeof(ComponentSummary))]
    public sealed class GetIbComponentBuildVersionCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComponentVersionArn", "ComponentArn", "ComponentBuildVersionArn")]
        [ApiMember("componentVersionArn")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            // A build (…/1.0.0/2), such as Get-IbComponent -Arn writes, stands for its version here.
            var versionArn = IbArn.TryParse(Arn, out var parsed) && parsed.IsBuildVersion ? parsed.VersionArn : Arn;
            var request = new ListComponentBuildVersionsRequest { ComponentVersionArn = versionArn, MaxResults = MaxResults };
            if (Validate(request, Arn))
            {
                WritePages(IbOperations.ListComponentBuildVersions, request, Arn);
            }
        }
    }
}
