using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Workflows
{
    /// <summary>Lists the workflow steps that wait for an action, across the account's builds (ListWaitingWorkflowSteps).</summary>
    [ApiOperation("imagebuilder", "ListWaitingWorkflowSteps")]
    [Cmdlet(VerbsCommon.Get, "IbWaitingStep", SupportsPaging = true)]
    [OutputType(typeof(WorkflowStepExecution))]
    public sealed class GetIbWaitingStepCommand : IbCmdlet
    {
        [Parameter]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            var request = new ListWaitingWorkflowStepsRequest { MaxResults = MaxResults };
            if (Validate(request, null))
            {
                WritePages(IbOperations.ListWaitingWorkflowSteps, request, null);
            }
        }
    }
}
