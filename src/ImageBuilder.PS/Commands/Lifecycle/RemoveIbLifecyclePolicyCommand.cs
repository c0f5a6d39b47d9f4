using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Lifecycle
{
    /// <summary>Deletes a lifecycle policy (DeleteLifecyclePolicy).</summary>
    [ApiOperation("imagebuilder", "DeleteLifecyclePolicy")]
    [Cmdlet(VerbsCommon.Remove, "IbLifecyclePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbLifecyclePolicyCommand : RemoveCmdlet<DeleteLifecyclePolicyRequest, DeleteLifecyclePolicyResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("LifecyclePolicyArn")]
        [ApiMember("lifecyclePolicyArn")]
        [ArgumentCompleter(typeof(LifecyclePolicyArnCompleter))]
        public override string Arn { get; set; } = "";

        public RemoveIbLifecyclePolicyCommand() : base(IbOperations.DeleteLifecyclePolicy, "lifecycle policy", arn => new() { LifecyclePolicyArn = arn }, r => r.LifecyclePolicyArn) { }
    }
}
