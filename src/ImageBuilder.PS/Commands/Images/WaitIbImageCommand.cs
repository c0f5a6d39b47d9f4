using System;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>
    /// Waits for image builds to end, with a progress bar of each build's stage and workflow step; writes each
    /// image when it is done. Ctrl+C stops the waiting, never the build.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "IbImage")]
    [OutputType(typeof(Image))]
    public sealed class WaitIbImageCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string Arn { get; set; } = "";

        /// <summary>No limit unless given.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan? Timeout { get; set; }

        [Parameter]
        [SecondsTransformation]
        public TimeSpan PollInterval { get; set; } = DefaultPollCeiling;

        protected override void ProcessRecord()
        {
            if (PollInterval <= TimeSpan.Zero)
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid", "-PollInterval must be longer than zero.", PollInterval));
            }
            if (WaitForImage(Arn, Timeout, PollInterval) is { } image)
            {
                WriteObject(image);
            }
        }
    }
}
