using System;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Workflows
{
    /// <summary>Lists workflows (ListWorkflows), or gets one workflow in full, document included (GetWorkflow).</summary>
    [ApiOperation("imagebuilder", "ListWorkflows", "GetWorkflow")]
    [Cmdlet(VerbsCommon.Get, "IbWorkflow", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(WorkflowVersion), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(Workflow), ParameterSetName = new[] { ArnSet })]
    public sealed class GetIbWorkflowCommand : IbCmdlet
    {
        private const string ListSet = "List";
        private const string ArnSet = "Arn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowBuildVersionArn", "WorkflowArn", "WorkflowVersionArn")]
        [ApiMember("workflowBuildVersionArn")]
        [ArgumentCompleter(typeof(WorkflowArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(OwnershipCompleter))]
        public string? Owner { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(WorkflowTypeCompleter))]
        public string? Type { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ShapeTransformation(typeof(Filter))]
        [ApiMember("filters")]
        public Filter[]? Filter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter ByName { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ArnSet)
            {
                var request = new GetWorkflowRequest { WorkflowBuildVersionArn = Arn };
                if (Validate(request, Arn) && Call(IbOperations.GetWorkflow, request, Arn) is { } response)
                {
                    WriteObject(response.Workflow);
                }
                return;
            }
            var filters = new ListFilters(Filter, Warn).AddName(Name);
            var list = new ListWorkflowsRequest
            {
                Owner = Owner,
                Filters = filters.ToList(),
                ByName = ByName.IsPresent ? true : null,
                MaxResults = MaxResults,
            };
            if (Validate(list, null, filters))
            {
                // The service documents no filter for the type, so it is matched here, as the pages arrive.
                var pattern = filters.NamePattern;
                WriteNamedPages("workflow", Name, IbOperations.ListWorkflows, list, null, workflow =>
                {
                    return (pattern is null || pattern.IsMatch(workflow.Name ?? ""))
                        && (string.IsNullOrEmpty(Type) || string.Equals(workflow.Type, Type, StringComparison.OrdinalIgnoreCase));
                });
            }
        }
    }
}
