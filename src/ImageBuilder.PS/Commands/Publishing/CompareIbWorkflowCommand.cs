using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Documents;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>The lines in which a workflow version's document differs from another version's or a file's (GetWorkflow).</summary>
    [CallsOperations("imagebuilder", "GetWorkflow")]
    [Cmdlet(VerbsData.Compare, "IbWorkflow", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(DocumentLineDifference))]
    public sealed class CompareIbWorkflowCommand : DocumentComparisonCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowBuildVersionArn", "WorkflowArn", "WorkflowVersionArn", "ReferenceArn")]
        [ArnTransformation]
        [ArgumentCompleter(typeof(WorkflowArnCompleter))]
        public override string Arn { get; set; } = "";

        protected override string DocumentKind => "workflow";

        protected override string? ReadStored(string arn) =>
            Call(IbOperations.GetWorkflow, new GetWorkflowRequest { WorkflowBuildVersionArn = arn }, arn) is { } r ? r.Workflow?.Data ?? "" : null;
    }
}
