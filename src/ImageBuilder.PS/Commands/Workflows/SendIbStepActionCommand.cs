using System;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Workflows
{
    /// <summary>
    /// Resumes or stops a workflow step that waits for an action (SendWorkflowStepAction). Writes nothing unless
    /// -PassThru, which writes the step as it is afterwards.
    /// </summary>
    [ApiOperation("imagebuilder", "SendWorkflowStepAction")]
    [Cmdlet(VerbsCommunications.Send, "IbStepAction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WorkflowStepMetadata))]
    public sealed class SendIbStepActionCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WaitingStepCompleter))]
        public string StepExecutionId { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn")]
        [ApiMember("imageBuildVersionArn")]
        [ArnTransformation]
        public string ImageArn { get; set; } = "";

        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(WorkflowStepActionCompleter))]
        public string Action { get; set; } = "";

        [Parameter]
        public string? Reason { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new SendWorkflowStepActionRequest
            {
                StepExecutionId = StepExecutionId,
                ImageBuildVersionArn = ImageArn,
                Action = Action,
                Reason = Reason,
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var target = $"{StepExecutionId} of {ImageArn}";
            if (!Validate(request, StepExecutionId) || !ShouldProcess(target, $"Send {Action}"))
            {
                return;
            }
            if (Call(ServiceBinding.ImageBuilder, IbOperations.SendWorkflowStepAction, request, StepExecutionId) is SendWorkflowStepActionResponse sent && PassThru)
            {
                var get = new GetWorkflowStepExecutionRequest { StepExecutionId = sent.StepExecutionId ?? StepExecutionId };
                if (Call(ServiceBinding.ImageBuilder, IbOperations.GetWorkflowStepExecution, get, get.StepExecutionId) is GetWorkflowStepExecutionResponse step)
                {
                    WriteObject(WorkflowStepMetadata.From(step));
                }
            }
        }
    }
}
