using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Lifecycle
{
    /// <summary>
    /// Lists the runs of a lifecycle policy (ListLifecycleExecutions), or gets one run (GetLifecycleExecution).
    /// </summary>
    [ApiOperation("imagebuilder", "ListLifecycleExecutions", "GetLifecycleExecution")]
    [Cmdlet(VerbsCommon.Get, "IbLifecycleExecution", DefaultParameterSetName = IdSet, SupportsPaging = true)]
    [OutputType(typeof(LifecycleExecution))]
    public sealed class GetIbLifecycleExecutionCommand : IbCmdlet
    {
        // The Id set is the default so that a run piped back in (it carries its policy's ARN too) gets that one run.
        private const string IdSet = "Id";
        private const string ResourceSet = "Resource";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ResourceSet, ValueFromPipelineByPropertyName = true)]
        [Alias("LifecyclePolicyArn", "Arn")]
        [ArgumentCompleter(typeof(LifecyclePolicyArnCompleter))]
        [ArnTransformation]
        public string ResourceArn { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        public string LifecycleExecutionId { get; set; } = "";

        [Parameter(ParameterSetName = ResourceSet)]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                var request = new GetLifecycleExecutionRequest { LifecycleExecutionId = LifecycleExecutionId };
                if (Validate(request, LifecycleExecutionId) && Call(IbOperations.GetLifecycleExecution, request, LifecycleExecutionId) is { } response)
                {
                    WriteObject(response.LifecycleExecution);
                }
                return;
            }
            var list = new ListLifecycleExecutionsRequest { ResourceArn = ResourceArn, MaxResults = MaxResults };
            if (!Validate(list, ResourceArn))
            {
                return;
            }
            foreach (var arn in BuildsOrSelf(ResourceArn))
            {
                list.ResourceArn = arn;
                WritePages(IbOperations.ListLifecycleExecutions, list, arn);
            }
        }
    }
}
