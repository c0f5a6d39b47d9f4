using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.AppStream;

namespace ImageBuilder.PS.Commands.Handoff
{
    /// <summary>
    /// Lists AppStream 2.0 images, or gets them by name or ARN (DescribeImages): to check on an import that
    /// Import-IbAppStreamImage started.
    /// </summary>
    [ApiOperation("AppStream", "DescribeImages")]
    [Cmdlet(VerbsCommon.Get, "IbAppStreamImage", DefaultParameterSetName = NameSet, SupportsPaging = true)]
    [OutputType(typeof(Image))]
    public sealed class GetIbAppStreamImageCommand : IbCmdlet
    {
        private const string NameSet = "Name";
        private const string ArnSet = "Arn";

        [Parameter(Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ApiMember("Names")]
        [ArgumentCompleter(typeof(AppStreamImageNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [ApiMember("Arns")]
        public string[] Arn { get; set; } = System.Array.Empty<string>();

        [Parameter]
        [ArgumentCompleter(typeof(AppStreamVisibilityCompleter))]
        public string? Type { get; set; }

        [Parameter]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            // Names with wildcards are not sent: every image is listed and the names are matched as pages arrive.
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var matchLocally = Name is not null && Name.Any(WildcardPattern.ContainsWildcardCharacters);
            var request = new DescribeImagesRequest
            {
                Names = matchLocally ? null : Name?.ToList(),
                Arns = ParameterSetName == ArnSet ? Arn.ToList() : null,
                Type = Type,
                MaxResults = MaxResults,
            };
            var target = ParameterSetName == ArnSet ? string.Join(", ", Arn) : Name is null ? null : string.Join(", ", Name);
            if (Validate(request, target))
            {
                WritePages(AppStreamOperations.DescribeImages, request, target,
                    matchLocally ? item => patterns!.Any(p => p.IsMatch(item.Name ?? "")) : null);
            }
        }
    }
}
