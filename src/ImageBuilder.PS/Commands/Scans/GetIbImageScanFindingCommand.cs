using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Scans
{
    /// <summary>
    /// Lists the vulnerability findings of image scans (ListImageScanFindings): of an image build, of every build of
    /// an image version, of a pipeline, or of the whole account. Findings are written as their pages arrive.
    /// </summary>
    /// <remarks>
    /// The service takes a single filter with a single value, so the most selective condition given is sent and
    /// the others (-Severity, -VulnerabilityId) are matched here as the findings stream in.
    /// </remarks>
    [ApiOperation("imagebuilder", "ListImageScanFindings")]
    [Cmdlet(VerbsCommon.Get, "IbImageScanFinding", DefaultParameterSetName = AllSet, SupportsPaging = true)]
    [OutputType(typeof(ImageScanFinding))]
    public sealed class GetIbImageScanFindingCommand : IbCmdlet
    {
        private const string AllSet = "All";
        private const string ImageSet = "Image";
        private const string PipelineSet = "Pipeline";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ImageSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Arn", "ImageBuildVersionArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        [ArnTransformation]
        public string ImageArn { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = PipelineSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImagePipelineArn")]
        [ArnTransformation]
        public string PipelineArn { get; set; } = "";

        [Parameter]
        [ArgumentCompleter(typeof(ScanSeverityCompleter))]
        public string[]? Severity { get; set; }

        [Parameter]
        public string[]? VulnerabilityId { get; set; }

        [Parameter(ParameterSetName = AllSet)]
        [ShapeTransformation(typeof(ImageScanFindingsFilter))]
        [ApiMember("filters")]
        public ImageScanFindingsFilter[]? Filter { get; set; }

        [Parameter]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            var target = ParameterSetName switch { ImageSet => ImageArn, PipelineSet => PipelineArn, _ => null };
            foreach (var filters in ServerFilters())
            {
                var request = new ListImageScanFindingsRequest { Filters = filters, MaxResults = MaxResults };
                if (!Validate(request, target))
                {
                    return;
                }
                foreach (var finding in ReadPages(IbOperations.ListImageScanFindings, request, target))
                {
                    if (Wanted(finding) && !Paged.Write(finding))
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>The filter of each listing to make: one per image build, else one listing with the most selective condition.</summary>
        private IEnumerable<List<ImageScanFindingsFilter>?> ServerFilters()
        {
            if (ParameterSetName == ImageSet)
            {
                // A pipeline object piped in binds its Arn here; its findings are the pipeline's.
                if (IbArn.TryParse(ImageArn, out var parsed) && parsed.ResourceType == "image-pipeline")
                {
                    yield return One("imagePipelineArn", ImageArn);
                    yield break;
                }
                foreach (var buildArn in ExpandToBuildVersions(ImageArn, "image", IbOperations.ListImageBuildVersions))
                {
                    yield return One("imageBuildVersionArn", buildArn);
                }
            }
            else if (ParameterSetName == PipelineSet)
            {
                yield return One("imagePipelineArn", PipelineArn);
            }
            else if (Filter is not null)
            {
                yield return Filter.ToList();
            }
            else if (VulnerabilityId is { Length: 1 })
            {
                yield return One("vulnerabilityId", VulnerabilityId[0]);
            }
            else if (Severity is { Length: 1 })
            {
                // Inspector's severities are upper case, and the service compares filter values case-sensitively.
                yield return One("severity", Severity[0].ToUpperInvariant());
            }
            else
            {
                yield return null;
            }
        }

        /// <summary>Every condition is checked here too: one of them went to the service, the others did not.</summary>
        private bool Wanted(ImageScanFinding finding) =>
            (Severity is null || Severity.Contains(finding.Severity ?? "", StringComparer.OrdinalIgnoreCase))
            && (VulnerabilityId is null || VulnerabilityId.Contains(finding.VulnerabilityId ?? "", StringComparer.OrdinalIgnoreCase));

        private static List<ImageScanFindingsFilter> One(string name, string value) =>
            new() { new ImageScanFindingsFilter { Name = name, Values = new List<string> { value } } };
    }
}
