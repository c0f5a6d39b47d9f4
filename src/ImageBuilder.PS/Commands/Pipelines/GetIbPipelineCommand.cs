using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Pipelines
{
    /// <summary>Lists image pipelines (ListImagePipelines), or gets one pipeline (GetImagePipeline).</summary>
    [ApiOperation("imagebuilder", "ListImagePipelines", "GetImagePipeline")]
    [Cmdlet(VerbsCommon.Get, "IbPipeline", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(ImagePipeline))]
    public sealed class GetIbPipelineCommand : IbCmdlet
    {
        private const string ListSet = "List";
        private const string ArnSet = "Arn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImagePipelineArn", "PipelineArn")]
        [ApiMember("imagePipelineArn")]
        [ArgumentCompleter(typeof(PipelineArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(PipelineNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(PipelineStatusCompleter))]
        public string? Status { get; set; }

        /// <summary>Only the pipelines that build from this recipe.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public string? RecipeArn { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(InfrastructureConfigurationArnCompleter))]
        public string? InfrastructureConfigurationArn { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(DistributionConfigurationArnCompleter))]
        public string? DistributionConfigurationArn { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ShapeTransformation(typeof(Filter))]
        [ApiMember("filters")]
        public Filter[]? Filter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ArnSet)
            {
                var request = new GetImagePipelineRequest { ImagePipelineArn = Arn };
                if (Validate(request, Arn) && Call(IbOperations.GetImagePipeline, request, Arn) is { } response)
                {
                    WriteObject(response.ImagePipeline);
                }
                return;
            }
            var filters = new ListFilters(Filter, Warn).AddName(Name).Add("status", nameof(Status), Status, IbValues.PipelineStatus.All).Add("imageRecipeArn", nameof(RecipeArn), RecipeArn)
                .Add("infrastructureConfigurationArn", nameof(InfrastructureConfigurationArn), InfrastructureConfigurationArn).Add("distributionConfigurationArn", nameof(DistributionConfigurationArn), DistributionConfigurationArn);
            var list = new ListImagePipelinesRequest { Filters = filters.ToList(), MaxResults = MaxResults };
            if (Validate(list, null, filters))
            {
                var pattern = filters.NamePattern;
                WriteNamedPages("pipeline", Name, IbOperations.ListImagePipelines, list, null,
                    pattern is null ? null : item => pattern.IsMatch(item.Name ?? ""));
            }
        }
    }
}
