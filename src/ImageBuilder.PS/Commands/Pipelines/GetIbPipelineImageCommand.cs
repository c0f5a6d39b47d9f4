using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Pipelines
{
    /// <summary>Lists the images a pipeline has built (ListImagePipelineImages).</summary>
    [ApiOperation("imagebuilder", "ListImagePipelineImages")]
    [Cmdlet(VerbsCommon.Get, "IbPipelineImage", SupportsPaging = true)]
    [OutputType(typeof(ImageSummary))]
    public sealed class GetIbPipelineImageCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImagePipelineArn", "PipelineArn")]
        [ApiMember("imagePipelineArn")]
        [ArgumentCompleter(typeof(PipelineArnCompleter))]
        public string Arn { get; set; } = "";

        /// <summary>The image name; wildcards are matched here.</summary>
        [Parameter]
        [SupportsWildcards]
        public string? Name { get; set; }

        [Parameter]
        public string? Version { get; set; }

        [Parameter]
        [ShapeTransformation(typeof(Filter))]
        [ApiMember("filters")]
        public Filter[]? Filter { get; set; }

        [Parameter]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            var filters = new ListFilters(Filter, Warn).AddName(Name).Add("version", nameof(Version), Version);
            var list = new ListImagePipelineImagesRequest { ImagePipelineArn = Arn, Filters = filters.ToList(), MaxResults = MaxResults };
            if (Validate(list, Arn, filters))
            {
                var pattern = filters.NamePattern;
                WriteNamedPages("image", Name, IbOperations.ListImagePipelineImages, list, Arn,
                    pattern is null ? null : item => pattern.IsMatch(item.Name ?? ""));
            }
        }
    }
}
