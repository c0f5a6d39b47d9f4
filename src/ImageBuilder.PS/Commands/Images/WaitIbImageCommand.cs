using System;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Waiting;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>
    /// Waits for image builds to end, with a progress bar of each build's stage and workflow step; writes each
    /// image when it is done. Ctrl+C stops the waiting, never the build. With -UntilWaitingStep it ends sooner,
    /// when a step waits for someone, and writes that step (for Send-IbStepAction). With -ShowLog the build log
    /// streams to the information stream meanwhile.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "IbImage", DefaultParameterSetName = EndSet)]
    [OutputType(typeof(Image), ParameterSetName = new[] { EndSet })]
    [OutputType(typeof(WorkflowStepExecution), ParameterSetName = new[] { StepSet })]
    public sealed class WaitIbImageCommand : IbCmdlet
    {
        private const string EndSet = "End";
        private const string StepSet = "WaitingStep";

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
        public TimeSpan PollInterval { get; set; } = WaitLoop.DefaultPollCeiling;

        [Parameter(Mandatory = true, ParameterSetName = StepSet)]
        public SwitchParameter UntilWaitingStep { get; set; }

        /// <summary>Writes the build log's new lines to the information stream as they arrive.</summary>
        [Parameter]
        public SwitchParameter ShowLog { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            WaitLoop.CheckSettings(this, Timeout, PollInterval);
        }

        protected override void ProcessRecord()
        {
            // A component or recipe ARN piped here by mistake would only be refused by the service, poll after poll.
            if (!Model.Ib.IbArn.TryParse(Arn, out var parsed) || parsed.ResourceType != "image")
            {
                var kind = parsed is null ? "an image ARN" : $"an image ARN (it names a {parsed.ResourceType.Replace('-', ' ')})";
                WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"'{Arn}' is not {kind}. Wait-IbImage waits for image builds: pipe in the output of New-IbImage, Start-IbPipeline or Get-IbImage, or pass an ARN such as arn:aws:imagebuilder:REGION:ACCOUNT:image/NAME/1.0.0/1.",
                    Arn));
                return;
            }
            var image = new ImageBuildWatcher(this).Wait(Arn, Timeout, PollInterval, endAtWaitingStep: UntilWaitingStep, showLog: ShowLog);
            if (image is null)
            {
                return;
            }
            if (!UntilWaitingStep)
            {
                WriteObject(image);
                return;
            }
            WriteWaitingSteps(image);
        }

        /// <summary>The steps of this image waiting for someone, as Get-IbWaitingStep lists them; a build that ended without waiting gets a warning.</summary>
        private void WriteWaitingSteps(Image image)
        {
            var arn = image.Arn ?? Arn;
            int found = 0;
            foreach (var item in ReadPages(IbOperations.ListWaitingWorkflowSteps, new ListWaitingWorkflowStepsRequest(), arn))
            {
                if (item is WorkflowStepExecution step && step.ImageBuildVersionArn == arn)
                {
                    WriteObject(step);
                    found++;
                }
            }
            if (found == 0)
            {
                WriteWarning($"The build of {arn} ended {image.State?.Status} without a step waiting for anyone.");
            }
        }
    }
}
