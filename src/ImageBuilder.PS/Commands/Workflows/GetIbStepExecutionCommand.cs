using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Workflows
{
    /// <summary>
    /// Lists the steps of a workflow run (ListWorkflowStepExecutions), or gets one step run in full
    /// (GetWorkflowStepExecution).
    /// </summary>
    [ApiOperation("imagebuilder", "ListWorkflowStepExecutions", "GetWorkflowStepExecution")]
    [Cmdlet(VerbsCommon.Get, "IbStepExecution", DefaultParameterSetName = StepSet, SupportsPaging = true)]
    [OutputType(typeof(WorkflowStepMetadata))]
    public sealed class GetIbStepExecutionCommand : IbCmdlet
    {
        // The step set is the default so that an object carrying both ids (a waiting step) gets that one step.
        private const string StepSet = "Step";
        private const string ListSet = "List";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        public string WorkflowExecutionId { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = StepSet, ValueFromPipelineByPropertyName = true)]
        public string StepExecutionId { get; set; } = "";

        [Parameter(ParameterSetName = ListSet)]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == StepSet)
            {
                var request = new GetWorkflowStepExecutionRequest { StepExecutionId = StepExecutionId };
                if (Validate(request, StepExecutionId) && Call(IbOperations.GetWorkflowStepExecution, request, StepExecutionId) is { } response)
                {
                    WriteObject(WorkflowStepMetadata.From(response));
                }
                return;
            }
            var list = new ListWorkflowStepExecutionsRequest { WorkflowExecutionId = WorkflowExecutionId, MaxResults = MaxResults };
            if (!Validate(list, WorkflowExecutionId))
            {
                return;
            }
            // Read by page rather than by item: the run, image and workflow are on each page, not on its steps, and a
            // step needs them to pipe into Send-IbStepAction.
            foreach (var page in ReadPageResponses(IbOperations.ListWorkflowStepExecutions, list, WorkflowExecutionId))
            {
                foreach (var step in page.Steps ?? new List<WorkflowStepMetadata>())
                {
                    step.WorkflowExecutionId = page.WorkflowExecutionId ?? WorkflowExecutionId;
                    step.ImageBuildVersionArn = page.ImageBuildVersionArn;
                    step.WorkflowBuildVersionArn = page.WorkflowBuildVersionArn;
                    if (!Paged.Write(step))
                    {
                        return;
                    }
                }
            }
        }
    }
}
