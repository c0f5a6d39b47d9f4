using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>Lists images (ListImages), or gets one image in full (GetImage).</summary>
    [ApiOperation("imagebuilder", "ListImages", "GetImage")]
    [Cmdlet(VerbsCommon.Get, "IbImage", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(ImageVersion), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(Image), ParameterSetName = new[] { ArnSet })]
    public sealed class GetIbImageCommand : IbCmdlet
    {
        private const string ListSet = "List";
        private const string ArnSet = "Arn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn", "ImageVersionArn")]
        [ApiMember("imageBuildVersionArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(OwnershipCompleter))]
        public string? Owner { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string? Platform { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public string? OsVersion { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ImageTypeCompleter))]
        public string? Type { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public string? Version { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ShapeTransformation(typeof(Filter))]
        [ApiMember("filters")]
        public Filter[]? Filter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter ByName { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeDeprecated { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ArnSet)
            {
                var request = new GetImageRequest { ImageBuildVersionArn = Arn };
                if (Validate(request, Arn) && Call(IbOperations.GetImage, request, Arn) is { } response)
                {
                    WriteObject(response.Image);
                }
                return;
            }
            var filters = new ListFilters(Filter, Warn).AddName(Name).Add("platform", nameof(Platform), Platform, IbValues.Platform.All).Add("osVersion", nameof(OsVersion), OsVersion).Add("type", nameof(Type), Type, IbValues.ImageType.All).Add("version", nameof(Version), Version);
            var list = new ListImagesRequest
            {
                Owner = Owner,
                Filters = filters.ToList(),
                ByName = ByName.IsPresent ? true : null,
                IncludeDeprecated = IncludeDeprecated.IsPresent ? true : null,
                MaxResults = MaxResults,
            };
            if (Validate(list, null, filters))
            {
                var pattern = filters.NamePattern;
                WriteNamedPages("image", Name, IbOperations.ListImages, list, null,
                    pattern is null ? null : item => pattern.IsMatch(item.Name ?? ""));
            }
        }
    }
}
