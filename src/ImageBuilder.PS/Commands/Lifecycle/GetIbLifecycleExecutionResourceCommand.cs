using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Lifecycle
{
    /// <summary>Lists the resources a lifecycle run acted on, or the resources under one of them (ListLifecycleExecutionResources).</summary>
    [ApiOperation("imagebuilder", "ListLifecycleExecutionResources")]
    [Cmdlet(VerbsCommon.Get, "IbLifecycleExecutionResource", SupportsPaging = true)]
    [OutputType(typeof(LifecycleExecutionResource))]
    public sealed class GetIbLifecycleExecutionResourceCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string LifecycleExecutionId { get; set; } = "";

        [Parameter]
        public string? ParentResourceId { get; set; }

        [Parameter]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            var request = new ListLifecycleExecutionResourcesRequest
            {
                LifecycleExecutionId = LifecycleExecutionId,
                ParentResourceId = ParentResourceId,
                MaxResults = MaxResults,
            };
            if (Validate(request, LifecycleExecutionId))
            {
                WritePages(IbOperations.ListLifecycleExecutionResources, request, LifecycleExecutionId);
            }
        }
    }
}
