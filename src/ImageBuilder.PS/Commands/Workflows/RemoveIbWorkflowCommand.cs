using System;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Workflows
{
    /// <summary>
    /// Deletes workflow build versions (DeleteWorkflow). Given a version ARN (as Get-IbWorkflow lists), deletes
    /// each build of that version.
    /// </summary>
    [ApiOperation("imagebuilder", "DeleteWorkflow")]
    [Cmdlet(VerbsCommon.Remove, "IbWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbWorkflowCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowBuildVersionArn", "WorkflowArn", "WorkflowVersionArn")]
        [ApiMember("workflowBuildVersionArn")]
        [ArgumentCompleter(typeof(WorkflowArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            // Workflow ARNs carry their kind (workflow/build, workflow/test, workflow/distribution); anything else is
            // checked against workflow/build so that the error shows a workflow ARN to give instead.
            var kind = IbArn.TryParse(Arn, out var parsed) && parsed.ResourceType.StartsWith("workflow/", StringComparison.Ordinal) ? parsed.ResourceType : "workflow/build";
            // Listed in full first: deleting while paging through the builds could make the service skip some.
            foreach (var buildArn in ExpandToBuildVersions(Arn, kind, IbOperations.ListWorkflowBuildVersions).ToList())
            {
                var request = new DeleteWorkflowRequest { WorkflowBuildVersionArn = buildArn };
                if (!Validate(request, buildArn) || !ShouldProcess(buildArn, "Delete workflow build version", Force))
                {
                    continue;
                }
                if (Call(IbOperations.DeleteWorkflow, request, buildArn) is { } deleted && PassThru)
                {
                    WriteObject(deleted.WorkflowBuildVersionArn ?? buildArn);
                }
            }
        }
    }
}
