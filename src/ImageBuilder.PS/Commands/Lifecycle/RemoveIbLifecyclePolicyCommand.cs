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
    public sealed class RemoveIbLifecyclePolicyCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("LifecyclePolicyArn")]
        [ApiMember("lifecyclePolicyArn")]
        [ArgumentCompleter(typeof(LifecyclePolicyArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new DeleteLifecyclePolicyRequest { LifecyclePolicyArn = Arn };
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Delete lifecycle policy", Force))
            {
                return;
            }
            if (Call(IbOperations.DeleteLifecyclePolicy, request, Arn) is { } deleted && PassThru)
            {
                WriteObject(deleted.LifecyclePolicyArn ?? Arn);
            }
        }
    }
}
