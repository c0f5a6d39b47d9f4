using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Scans
{
    /// <summary>
    /// Counts image scan findings by severity (ListImageScanFindingAggregations): for the account, or within one
    /// account, image build, pipeline or vulnerability.
    /// </summary>
    [ApiOperation("imagebuilder", "ListImageScanFindingAggregations")]
    [Cmdlet(VerbsCommon.Get, "IbImageScanFindingAggregation", DefaultParameterSetName = AccountSet, SupportsPaging = true)]
    [OutputType(typeof(ImageScanFindingAggregation))]
    public sealed class GetIbImageScanFindingAggregationCommand : IbCmdlet
    {
        private const string AccountSet = "Account";
        private const string ImageSet = "Image";
        private const string PipelineSet = "Pipeline";
        private const string VulnerabilitySet = "Vulnerability";
        private const string FilterSet = "Filter";

        [Parameter(ParameterSetName = AccountSet)]
        public string? AccountId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ImageSet)]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        [ArnTransformation]
        public string ImageArn { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = PipelineSet)]
        [ArnTransformation]
        public string PipelineArn { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = VulnerabilitySet)]
        public string VulnerabilityId { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = FilterSet)]
        [ShapeTransformation(typeof(Filter))]
        public Filter? Filter { get; set; }

        protected override void ProcessRecord()
        {
            var target = ParameterSetName switch { ImageSet => ImageArn, PipelineSet => PipelineArn, VulnerabilitySet => VulnerabilityId, _ => AccountId };
            foreach (var filter in ServerFilters())
            {
                var request = new ListImageScanFindingAggregationsRequest { Filter = filter };
                if (!Validate(request, target))
                {
                    return;
                }
                foreach (var aggregation in ReadPages(IbOperations.ListImageScanFindingAggregations, request, target))
                {
                    if (!Paged.Write(aggregation))
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>The filter of each listing: one per image build of an image version, else the one filter given (or none).</summary>
        private IEnumerable<Filter?> ServerFilters()
        {
            switch (ParameterSetName)
            {
                case ImageSet:
                    foreach (var buildArn in ExpandToBuildVersions(ImageArn, "image", IbOperations.ListImageBuildVersions))
                    {
                        yield return One("imageBuildVersionArn", buildArn);
                    }
                    break;
                case PipelineSet:
                    yield return One("imagePipelineArn", PipelineArn);
                    break;
                case VulnerabilitySet:
                    yield return One("vulnerabilityId", VulnerabilityId);
                    break;
                case FilterSet:
                    yield return Filter;
                    break;
                default:
                    yield return AccountId is null ? null : One("accountId", AccountId);
                    break;
            }
        }

        private static Filter One(string name, string value) => new() { Name = name, Values = new List<string> { value } };
    }
}
