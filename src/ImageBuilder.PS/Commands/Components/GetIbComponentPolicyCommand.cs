using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>
    /// Gets the resource policy of a component build (GetComponentPolicy), with the build it belongs to. A version ARN stands
    /// for each of its builds.
    /// </summary>
    [ApiOperation("imagebuilder", "GetComponentPolicy")]
    [Cmdlet(VerbsCommon.Get, "IbComponentPolicy")]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class GetIbComponentPolicyCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComponentBuildVersionArn", "ComponentArn", "ComponentVersionArn")]
        [ApiMember("componentArn")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public string Arn { get; set; } = "";

        protected override void ProcessRecord()
        {
            foreach (var buildArn in ExpandToBuildVersions(Arn, "component", IbOperations.ListComponentBuildVersions))
            {
                var request = new GetComponentPolicyRequest { ComponentArn = buildArn };
                if (Validate(request, buildArn) && Call(IbOperations.GetComponentPolicy, request, buildArn) is { } response)
                {
                    WriteObject(new ResourcePolicy { Arn = buildArn, Policy = response.Policy });
                }
            }
        }
    }
}
