using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>
    /// Applies a resource policy to a component build (PutComponentPolicy), to share it with other accounts. A
    /// version ARN stands for each of its builds.
    /// </summary>
    [ApiOperation("imagebuilder", "PutComponentPolicy")]
    [Cmdlet(VerbsCommon.Set, "IbComponentPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class SetIbComponentPolicyCommand : SetPolicyCmdlet<PutComponentPolicyRequest, PutComponentPolicyResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComponentBuildVersionArn", "ComponentArn", "ComponentVersionArn")]
        [ApiMember("componentArn")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public override string Arn { get; set; } = "";

        public SetIbComponentPolicyCommand() : base(IbOperations.PutComponentPolicy, "component", (arn, policy) => new() { ComponentArn = arn, Policy = policy }, r => r.ComponentArn) { }

        private protected override IEnumerable<string> Targets(string arn) => ExpandToBuildVersions(arn, "component", IbOperations.ListComponentBuildVersions);
    }
}
