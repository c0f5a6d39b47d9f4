using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Workflows
{
    /// <summary>
    /// Lists the workflow runs of an image build (ListWorkflowExecutions), or gets one run (GetWorkflowExecution).
    /// An image version ARN stands for each of its builds.
    /// </summary>
    [ApiOperation("imagebuilder", "ListWorkflowExecutions", "GetWorkflowExecution")]
    [Cmdlet(VerbsCommon.Get, "IbWorkflowExecution", DefaultParameterSetName = IdSet, SupportsPaging = true)]
    [OutputType(typeof(WorkflowExecutionMetadata))]
    public sealed class GetIbWorkflowExecutionCommand : IbCmdlet
    {
        // The Id set is the default so that an object carrying both an image ARN and a run id (a step, a run)
        // gets that one run rather than every run of its image.
        private const string IdSet = "Id";
        private const string ImageSet = "Image";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ImageSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "Arn")]
        [ApiMember("imageBuildVersionArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        [ArnTransformation]
        public string ImageArn { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        public string WorkflowExecutionId { get; set; } = "";

        [Parameter(ParameterSetName = ImageSet)]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                var request = new GetWorkflowExecutionRequest { WorkflowExecutionId = WorkflowExecutionId };
                if (Validate(request, WorkflowExecutionId) && Call(IbOperations.GetWorkflowExecution, request, WorkflowExecutionId) is { } response)
                {
                    WriteObject(WorkflowExecutionMetadata.From(response));
                }
                return;
            }
            // -First and -Skip count across the builds of a version, not within each.
            foreach (var buildArn in ExpandToBuildVersions(ImageArn, "image", IbOperations.ListImageBuildVersions))
            {
                var list = new ListWorkflowExecutionsRequest { ImageBuildVersionArn = buildArn, MaxResults = MaxResults };
                if (!Validate(list, buildArn))
                {
                    continue;
                }
                foreach (var run in ReadPages(IbOperations.ListWorkflowExecutions, list, buildArn))
                {
                    // The list leaves out the build, which the run's steps need to be acted on.
                    run.ImageBuildVersionArn = buildArn;
                    if (!Paged.Write(run))
                    {
                        return;
                    }
                }
            }
        }
    }
}
