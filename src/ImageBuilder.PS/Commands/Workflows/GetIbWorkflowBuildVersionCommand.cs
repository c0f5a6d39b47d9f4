using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Workflows
{
    /// <summary>Lists the builds of a workflow version (ListWorkflowBuildVersions).</summary>
    [ApiOperation("imagebuilder", "ListWorkflowBuildVersions")]
    [Cmdlet(VerbsCommon.Get, "IbWorkflowBuildVersion", SupportsPaging = true)]
    [OutputType(typeof(WorkflowSummary))]
    public sealed class GetIbWorkflowBuildVersionCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowVersionArn", "WorkflowArn", "WorkflowBuildVersionArn")]
        [ApiMember("workflowVersionArn")]
        [ArgumentCompleter(typeof(WorkflowArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            // A build (…/1.0.0/2), such as Get-IbWorkflow -Arn writes, stands for its version here.
            var versionArn = IbArn.TryParse(Arn, out var parsed) && parsed.IsBuildVersion ? parsed.VersionArn : Arn;
            var request = new ListWorkflowBuildVersionsRequest { WorkflowVersionArn = versionArn, MaxResults = MaxResults };
            if (Validate(request, Arn))
            {
                WritePages(IbOperations.ListWorkflowBuildVersions, request, Arn);
            }
        }
    }
}
