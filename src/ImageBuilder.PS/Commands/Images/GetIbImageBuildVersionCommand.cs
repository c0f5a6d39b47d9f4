using System;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>Lists the builds of an image version (ListImageBuildVersions), each with its state and output AMIs.</summary>
    [ApiOperation("imagebuilder", "ListImageBuildVersions")]
    [Cmdlet(VerbsCommon.Get, "IbImageBuildVersion", SupportsPaging = true)]
    [OutputType(typeof(ImageSummary))]
    public sealed class GetIbImageBuildVersionCommand : IbCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageVersionArn", "ImageArn", "ImageBuildVersionArn")]
        [ApiMember("imageVersionArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string? Arn { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string? Name { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string? Platform { get; set; }

        [Parameter]
        public string? OsVersion { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ImageTypeCompleter))]
        public string? Type { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ImageStatusCompleter))]
        public string[]? Status { get; set; }

        [Parameter]
        [ShapeTransformation(typeof(Filter))]
        [ApiMember("filters")]
        public Filter[]? Filter { get; set; }

        [Parameter]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            var filters = new ListFilters(Filter, Warn).AddName(Name).Add("platform", nameof(Platform), Platform, IbValues.Platform.All).Add("osVersion", nameof(OsVersion), OsVersion).Add("type", nameof(Type), Type, IbValues.ImageType.All);
            var request = new ListImageBuildVersionsRequest
            {
                ImageVersionArn = VersionArnOf(Arn),
                Filters = filters.ToList(),
                MaxResults = MaxResults,
            };
            if (!Validate(request, Arn, filters))
            {
                return;
            }
            var pattern = filters.NamePattern;
            WriteNamedPages("image build", Name, IbOperations.ListImageBuildVersions, request, Arn, build =>
            {
                return (pattern is null || pattern.IsMatch(build.Name ?? ""))
                    && (Status is null || Status.Contains(build.Status ?? "", StringComparer.OrdinalIgnoreCase));
            });
        }

        /// <summary>A build ARN (…/1.0.0/3, as Get-IbImage -Arn writes) stands for its version: the listing wants the version.</summary>
        private static string? VersionArnOf(string? arn) =>
            IbArn.TryParse(arn, out var parsed) && parsed.ResourceType == "image" && parsed.IsBuildVersion ? parsed.VersionArn : arn;
    }
}
