using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>
    /// Cancels image builds that are still running (CancelImageCreation). Given a version ARN, cancels those of its
    /// builds that are in progress. High impact, like Remove-: a cancelled build cannot be resumed, only run again.
    /// </summary>
    [ApiOperation("imagebuilder", "CancelImageCreation")]
    [Cmdlet(VerbsLifecycle.Stop, "IbImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Image))]
    public sealed class StopIbImageCommand : IbCmdlet
    {
        private static readonly HashSet<string> InProgress = new(StringComparer.Ordinal)
        {
            IbValues.ImageStatus.PENDING, IbValues.ImageStatus.CREATING, IbValues.ImageStatus.BUILDING,
            IbValues.ImageStatus.TESTING, IbValues.ImageStatus.DISTRIBUTING, IbValues.ImageStatus.INTEGRATING,
        };

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn", "ImageVersionArn")]
        [ApiMember("imageBuildVersionArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Cancels without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var builds = BuildsToCancel().ToList();
            foreach (var buildArn in builds)
            {
                var request = new CancelImageCreationRequest { ImageBuildVersionArn = buildArn, ClientToken = TokenFor(buildArn, builds.Count) };
                if (!Validate(request, buildArn) || !ShouldProcess(buildArn, "Cancel image build", Force))
                {
                    continue;
                }
                if (Call(IbOperations.CancelImageCreation, request, buildArn) is not null && PassThru)
                {
                    var get = new GetImageRequest { ImageBuildVersionArn = buildArn };
                    if (Call(IbOperations.GetImage, get, buildArn) is { } response)
                    {
                        WriteObject(response.Image);
                    }
                }
            }
        }

        /// <summary>
        /// The caller's token stands for one cancellation; when a version stands for several builds, each build gets
        /// its own token made from it, so that a re-run is still recognised and the builds do not share one.
        /// </summary>
        private string TokenFor(string buildArn, int builds)
        {
            if (ClientToken is null)
            {
                return Guid.NewGuid().ToString();
            }
            return builds > 1 && IbArn.TryParse(buildArn, out var parsed) ? $"{ClientToken}-{parsed.Build}" : ClientToken;
        }

        /// <summary>
        /// A build ARN is cancelled as given. A version ARN stands for its builds that are still running: the
        /// finished ones cannot be cancelled, and asking would only produce errors.
        /// </summary>
        private IEnumerable<string> BuildsToCancel()
        {
            if (!IbArn.TryParse(Arn, out var parsed) || parsed.ResourceType != "image" || !parsed.IsExactVersion)
            {
                yield return Arn;
                yield break;
            }
            var list = new ListImageBuildVersionsRequest { ImageVersionArn = Arn };
            int builds = 0, running = 0;
            foreach (var build in ReadPages(IbOperations.ListImageBuildVersions, list, Arn))
            {
                builds++;
                if (build.Arn is not null && build.Status is not null && InProgress.Contains(build.Status))
                {
                    running++;
                    yield return build.Arn;
                }
            }
            // No builds at all means the listing failed (already reported) or the version has none: nothing to add.
            if (builds > 0 && running == 0)
            {
                WriteWarning($"No build of '{Arn}' is in progress; there is nothing to cancel.");
            }
        }
    }
}
