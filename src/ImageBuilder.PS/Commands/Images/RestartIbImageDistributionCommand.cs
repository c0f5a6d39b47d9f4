using System;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>Retries the distribution of an image build whose distribution failed (RetryImage), and writes the image.</summary>
    [ApiOperation("imagebuilder", "RetryImage")]
    [Cmdlet(VerbsLifecycle.Restart, "IbImageDistribution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Image))]
    public sealed class RestartIbImageDistributionCommand : ImageWaitingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn")]
        [ApiMember("imageBuildVersionArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            // A version stands for several builds, and retrying every one of them is never what is meant.
            if (IbArn.TryParse(Arn, out var parsed) && parsed.ResourceType == "image" && parsed.IsExactVersion)
            {
                WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"'{Arn}' is an image version; a retry needs one build of it. Pipe in the failed build instead: " +
                    $"Get-IbImageBuildVersion -Arn {Arn} -Status FAILED | Restart-IbImageDistribution", Arn));
                return;
            }
            var request = new RetryImageRequest { ImageBuildVersionArn = Arn, ClientToken = ClientToken ?? Guid.NewGuid().ToString() };
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Retry image distribution"))
            {
                return;
            }
            // The retry was started: a failed read-back writes what is known, with a warning, never an error.
            if (Call(IbOperations.RetryImage, request, Arn) is { } retried)
            {
                WriteCreatedImage(retried.ImageBuildVersionArn ?? Arn, () => new Image(), "retried");
            }
        }
    }
}
