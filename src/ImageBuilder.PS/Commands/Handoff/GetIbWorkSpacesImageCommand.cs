using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.WorkSpaces;

namespace ImageBuilder.PS.Commands.Handoff
{
    /// <summary>
    /// Lists WorkSpaces images, or gets them by id (DescribeWorkspaceImages): to check on an import that
    /// Import-IbWorkSpacesImage started.
    /// </summary>
    [ApiOperation("WorkSpaces", "DescribeWorkspaceImages")]
    [Cmdlet(VerbsCommon.Get, "IbWorkSpacesImage", SupportsPaging = true)]
    [OutputType(typeof(WorkspaceImage))]
    public sealed class GetIbWorkSpacesImageCommand : IbCmdlet
    {
        /// <summary>The most ids one request may name.</summary>
        private const int IdsPerRequest = 25;

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkspaceImageId")]
        [ApiMember("ImageIds")]
        [ArgumentCompleter(typeof(WorkSpacesImageIdCompleter))]
        public string[]? ImageId { get; set; }

        [Parameter]
        [SupportsWildcards]
        public string? Name { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(WorkSpacesImageTypeCompleter))]
        public string? ImageType { get; set; }

        [Parameter]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var target = ImageId is null ? null : string.Join(", ", ImageId);
            if (!Paged.WantsMore)
            {
                return;
            }
            var failedBefore = FailedCalls;
            var matched = 0;
            foreach (var ids in Batches())
            {
                var request = new DescribeWorkspaceImagesRequest { ImageIds = ids, ImageType = ImageType, MaxResults = MaxResults };
                if (!Validate(request, target))
                {
                    return;
                }
                foreach (var image in ReadPages(WorkSpacesOperations.DescribeWorkspaceImages, request, target))
                {
                    if (pattern is null || pattern.IsMatch(image.Name ?? ""))
                    {
                        matched++;
                        if (!Paged.Write(image))
                        {
                            return;
                        }
                    }
                }
            }
            if (matched == 0 && FailedCalls == failedBefore)
            {
                WriteNameNotFound("WorkSpaces image", Name);
            }
        }

        /// <summary>The ids in groups the service accepts in one request; without ids, one request for all images.</summary>
        private IEnumerable<List<string>?> Batches()
        {
            if (ImageId is null)
            {
                yield return null;
                yield break;
            }
            for (int i = 0; i < ImageId.Length; i += IdsPerRequest)
            {
                yield return ImageId.Skip(i).Take(IdsPerRequest).ToList();
            }
        }
    }
}
