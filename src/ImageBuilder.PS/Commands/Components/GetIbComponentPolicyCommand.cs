using System.Collections.Generic;
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
    public sealed class GetIbComponentPolicyCommand : GetPolicyCmdlet<GetComponentPolicyRequest, GetComponentPolicyResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComponentBuildVersionArn", "ComponentArn", "ComponentVersionArn")]
        [ApiMember("componentArn")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public override string Arn { get; set; } = "";

        public GetIbComponentPolicyCommand() : base(IbOperations.GetComponentPolicy, arn => new() { ComponentArn = arn }, r => r.Policy) { }

        private protected override IEnumerable<string> Targets(string arn) => ExpandToBuildVersions(arn, "component", IbOperations.ListComponentBuildVersions);
    }
}
