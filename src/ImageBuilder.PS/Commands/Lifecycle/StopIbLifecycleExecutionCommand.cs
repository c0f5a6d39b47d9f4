using System;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Lifecycle
{
    /// <summary>
    /// Cancels a lifecycle run in progress (CancelLifecycleExecution). Writes nothing unless -PassThru, which
    /// writes the run as it is afterwards.
    /// </summary>
    [ApiOperation("imagebuilder", "CancelLifecycleExecution")]
    [Cmdlet(VerbsLifecycle.Stop, "IbLifecycleExecution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LifecycleExecution))]
    public sealed class StopIbLifecycleExecutionCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string LifecycleExecutionId { get; set; } = "";

        [Parameter]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new CancelLifecycleExecutionRequest
            {
                LifecycleExecutionId = LifecycleExecutionId,
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            if (!Validate(request, LifecycleExecutionId) || !ShouldProcess(LifecycleExecutionId, "Cancel lifecycle execution"))
            {
                return;
            }
            if (Call(IbOperations.CancelLifecycleExecution, request, LifecycleExecutionId) is not null && PassThru)
            {
                var get = new GetLifecycleExecutionRequest { LifecycleExecutionId = LifecycleExecutionId };
                if (Call(IbOperations.GetLifecycleExecution, get, LifecycleExecutionId) is { } response)
                {
                    WriteObject(response.LifecycleExecution);
                }
            }
        }
    }
}
