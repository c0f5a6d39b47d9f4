using System;
using System.Management.Automation;
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

        /// <summary>Looked up from the step when not given (GetWorkflowStepExecution).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn")]
        [ApiMember("imageBuildVersionArn")]
        [ArnTransformation]
        public string? ImageArn { get; set; }

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
            // The service wants both, but a step id names one step of one build: a user who has only the id (from
            // a warning, a log, Get-IbStepExecution) should not have to find the image first.
            var imageArn = string.IsNullOrEmpty(ImageArn) ? ImageOfStep() : ImageArn;
            if (imageArn is null)
            {
                return;
            }
            var request = new SendWorkflowStepActionRequest
            {
                StepExecutionId = StepExecutionId,
                ImageBuildVersionArn = imageArn,
                Action = Action,
                Reason = Reason,
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var target = $"{StepExecutionId} of {imageArn}";
            if (!Validate(request, StepExecutionId) || !ShouldProcess(target, $"Send {Action}"))
            {
                return;
            }
            if (Call(IbOperations.SendWorkflowStepAction, request, StepExecutionId) is { } sent && PassThru)
            {
                var get = new GetWorkflowStepExecutionRequest { StepExecutionId = sent.StepExecutionId ?? StepExecutionId };
                if (Call(IbOperations.GetWorkflowStepExecution, get, get.StepExecutionId) is { } step)
                {
                    WriteObject(WorkflowStepMetadata.From(step));
                }
            }
        }

        /// <summary>The image build the step belongs to, as the service says; null after writing why it is not known.</summary>
        private string? ImageOfStep()
        {
            var get = new GetWorkflowStepExecutionRequest { StepExecutionId = StepExecutionId };
            if (!Validate(get, StepExecutionId) || Call(IbOperations.GetWorkflowStepExecution, get, StepExecutionId) is not { } step)
            {
                return null;
            }
            if (string.IsNullOrEmpty(step.ImageBuildVersionArn))
            {
                WriteError(ErrorRecords.InvalidInput("ParameterRequired", $"The service does not say which image build the step {StepExecutionId} belongs to; give it with -ImageArn.", StepExecutionId));
                return null;
            }
            Verbose($"The step {StepExecutionId} belongs to {step.ImageBuildVersionArn}.");
            return step.ImageBuildVersionArn;
        }
    }
}
