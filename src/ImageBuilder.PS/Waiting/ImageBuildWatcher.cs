using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Waiting
{
    /// <summary>
    /// Follows one image build (or import, or distribution) for <see cref="WaitLoop"/>: its stage and workflow step
    /// on the progress bar, a step that waits for someone, the build log's new lines with -ShowLog, and when it
    /// fails, why (the failed step and the log lines that tell).
    /// </summary>
    internal sealed class ImageBuildWatcher
    {
        private readonly IbCmdlet _cmdlet;
        private readonly WaitLoop _loop;
        private readonly BuildLogReader _log;

        public ImageBuildWatcher(IbCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            _loop = new WaitLoop(cmdlet);
            _log = new BuildLogReader(cmdlet);
        }

        /// <summary>The stages of a build in order, with the share of the progress bar each starts at.</summary>
        private static readonly (string Status, int Percent)[] BuildStages =
        {
            ("PENDING", 2), ("CREATING", 5), ("BUILDING", 15), ("TESTING", 60), ("DISTRIBUTING", 80), ("INTEGRATING", 92), ("AVAILABLE", 100),
        };

        private static readonly HashSet<string> Finished = new(StringComparer.Ordinal) { "AVAILABLE", "DEPRECATED", "DISABLED" };
        private static readonly HashSet<string> Failed = new(StringComparer.Ordinal) { "FAILED", "CANCELLED", "DELETED" };

        /// <summary>
        /// Waits for an image build (or import, or distribution) to end, showing its stage and the workflow step
        /// it is at; writes nothing itself and gives the final image, or null after writing why there is none.
        /// </summary>
        /// <param name="endAtWaitingStep">End the wait when a workflow step waits for someone to act, giving the image as it is then.</param>
        /// <param name="showLog">At each look, write the build log's new lines to the information stream (-ShowLog).</param>
        public Image? Wait(string imageArn, TimeSpan? timeout, TimeSpan pollCeiling, bool endAtWaitingStep = false, bool showLog = false)
        {
            var activity = IbArn.TryParse(imageArn, out var arn)
                ? $"Image {arn.Name} {arn.Version}{(arn.Build is null ? "" : "/" + arn.Build)}"
                : "Image " + imageArn;
            var echo = showLog ? new BuildLogEcho() : null;
            return _loop.Run(() => ObserveImage(imageArn, echo), activity, imageArn, $"Wait-IbImage -Arn {imageArn}", timeout, pollCeiling, endAtWaitingStep);
        }

        private WaitObservation<Image>? ObserveImage(string imageArn, BuildLogEcho? echo)
        {
            if (_loop.Poll(IbOperations.GetImage, new GetImageRequest { ImageBuildVersionArn = imageArn }, imageArn) is not { Image: { } image })
            {
                return null;
            }
            // Read after the state: the look that sees the build end also shows the log's last lines.
            if (echo is not null)
            {
                EchoNewLogLines(image, echo);
            }
            var status = image.State?.Status ?? "PENDING";
            var stage = Array.FindIndex(BuildStages, s => s.Status == status);
            var from = stage < 0 ? 0 : BuildStages[stage].Percent;
            var to = stage < 0 || stage + 1 >= BuildStages.Length ? from : BuildStages[stage + 1].Percent;
            var seen = new WaitObservation<Image>(image, status, from)
            {
                Succeeded = Finished.Contains(status),
                // The build's own ARN: waits often start from a version ARN (Get-IbImage -Name x | Wait-IbImage), which names no build.
                Failure = Failed.Contains(status) ? $"{image.State?.Reason ?? $"The service gives no reason for {status}."} (build {image.Arn ?? imageArn})" : null,
            };
            if (status == "FAILED")
            {
                seen.Failure = ExplainFailure(image, seen.Failure!);
            }
            if (!seen.IsFinal && status != "PENDING")
            {
                DescribeWorkflowStep(image.Arn ?? imageArn, seen, from, to);
            }
            return seen;
        }

        /// <summary>Names the workflow step the build is at, moves the bar within the stage, and notices a wait for approval.</summary>
        private void DescribeWorkflowStep(string imageArn, WaitObservation<Image> seen, int from, int to)
        {
            var executions = QuietCall(IbOperations.ListWorkflowExecutions, new ListWorkflowExecutionsRequest { ImageBuildVersionArn = imageArn });
            // Between workflows (distribution, integration) none runs, and the last one's final step is no news.
            var running = executions?.WorkflowExecutions?.LastOrDefault(e => e.Status == "RUNNING");
            if (running?.WorkflowExecutionId is null)
            {
                return;
            }
            var steps = QuietCall(IbOperations.ListWorkflowStepExecutions, new ListWorkflowStepExecutionsRequest { WorkflowExecutionId = running.WorkflowExecutionId })?.Steps;
            if (steps is null || steps.Count == 0)
            {
                return;
            }
            var index = steps.FindIndex(s => s.Status == "RUNNING");
            if (index < 0) index = steps.Count - 1;
            var step = steps[index];
            var total = Math.Max(running.TotalStepCount ?? steps.Count, steps.Count);
            seen.Detail = $"{running.Type?.ToLowerInvariant() ?? "build"} workflow, step {index + 1} of {total}: {step.Name} ({step.Action})";
            var done = steps.Count(s => s.Status == "COMPLETED" || s.Status == "SKIPPED");
            seen.Percent = from + (to - from) * Math.Min(done, total) / Math.Max(1, total);
            if (step.Action == "WaitForAction" && step.Status == "RUNNING")
            {
                seen.ActionNeeded =
                    $"The build of {imageArn} is waiting at step '{step.Name}' for someone to act. To go on: " +
                    $"Send-IbStepAction -StepExecutionId {step.StepExecutionId} -ImageArn {imageArn} -Action RESUME -Reason '...'. " +
                    "To stop the build: the same with -Action STOP.";
            }
        }

        /// <summary>
        /// The service's reason, with the workflow step that failed and the log lines that look like the cause, and
        /// the command that shows the whole log. What cannot be read (no permission on the log) is left out.
        /// </summary>
        private string ExplainFailure(Image image, string reason)
        {
            var text = new System.Text.StringBuilder(reason);
            var arn = image.Arn ?? "";
            var executions = QuietCall(IbOperations.ListWorkflowExecutions, new ListWorkflowExecutionsRequest { ImageBuildVersionArn = arn })?.WorkflowExecutions;
            var failedRun = executions?.LastOrDefault(e => e.Status == "FAILED");
            if (failedRun?.WorkflowExecutionId is { } id
                && QuietCall(IbOperations.ListWorkflowStepExecutions, new ListWorkflowStepExecutionsRequest { WorkflowExecutionId = id })?.Steps?.LastOrDefault(s => s.Status == "FAILED") is { } step)
            {
                var workflow = IbArn.TryParse(failedRun.WorkflowBuildVersionArn, out var w) ? w.Name : failedRun.WorkflowBuildVersionArn;
                EndSentence(text);
                // The step's own message is often the service's reason again; say it once.
                var message = step.Message is { } m && m != image.State?.Reason ? $": {m.TrimEnd('.')}" : "";
                text.Append($" Failed at step '{step.Name}' ({step.Action}) of the {failedRun.Type?.ToLowerInvariant()} workflow {workflow}{message}.");
            }
            try
            {
                var cause = _log.CauseLines(image);
                if (cause.Count > 0)
                {
                    EndSentence(text);
                    text.Append(" The log says:").Append(string.Concat(cause.Select(l => "\n  " + l)));
                }
            }
            catch (Exception e) when (e is AwsServiceException || SdkFailures.Classify(e, cancelledByUser: false) != CallFailureKind.Unknown)
            {
                _cmdlet.Verbose($"The build log could not be read ({e.Message}).");
            }
            text.Append($"\nThe whole log: Get-IbImageLog -Arn {arn}");
            return text.ToString();
        }

        private static void EndSentence(System.Text.StringBuilder text)
        {
            if (text.Length > 0 && text[text.Length - 1] is not ('.' or '!' or '?' or ':'))
            {
                text.Append('.');
            }
        }

        /// <summary>A call whose failure only costs detail (the workflow step of a progress bar): errors go to -Verbose.</summary>
        private TResponse? QuietCall<TRequest, TResponse>(Protocol.OperationDef<TRequest, TResponse> operation, TRequest request)
            where TRequest : class, Protocol.IAwsStructure
            where TResponse : class, Protocol.IAwsStructure
        {
            var output = _cmdlet.TryCall(operation, request, null, out var failure);
            if (failure is not null)
            {
                _cmdlet.Verbose($"{operation.Name} failed ({failure.Reason}); the progress shows less detail.");
            }
            return output;
        }

        /// <summary>
        /// The tags of the log lines -ShowLog writes: PSHOST, so a prompt or a transcript shows them as it shows
        /// Write-Host's (the user asked to see them), and the module's own, to pick them out of -InformationVariable.
        /// </summary>
        private static readonly string[] LogLineTags = { "PSHOST", "ImageBuilder.PS.Log" };

        /// <summary>How far a wait with -ShowLog has shown its build's log, and whether it has stopped trying.</summary>
        private sealed class BuildLogEcho
        {
            public LogPosition Position { get; } = new();
            public bool Warned { get; set; }
            public bool GaveUp { get; set; }
        }

        /// <summary>
        /// Writes the lines that have reached the build's log since the last look, read on from the forward token so
        /// none is written twice. Showing the log only adds to a wait and must never end it: a stream that is not
        /// there yet (the service may write the log late) is looked for again at the next look; any other failure
        /// is one warning, and one that will not pass (no logs:GetLogEvents) stops the showing, not the wait.
        /// </summary>
        private void EchoNewLogLines(Image image, BuildLogEcho echo)
        {
            if (echo.GaveUp || BuildLogReader.Of(image) is not { } log)
            {
                return;
            }
            CallFailure? failure;
            try
            {
                foreach (var e in _log.Forward(log.Group, log.Stream, null, echo.Position, image.Arn!, report: false))
                {
                    var message = (e.Message ?? "").TrimEnd('\r', '\n');
                    _cmdlet.WriteInformation(new HostInformationMessage { Message = $"{LogTime.Local(e.Timestamp ?? 0):HH:mm:ss} {message}" }, LogLineTags);
                }
                failure = echo.Position.Failure;
            }
            catch (Exception e) when (e is not PipelineStoppedException && e is not ActionPreferenceStopException)
            {
                // Whatever reading the log throws (a failure the call path cannot classify) costs the lines, not the wait.
                failure = new CallFailure(new ErrorRecord(e, "BuildLogUnreadable", ErrorCategory.ReadError, image.Arn), e.Message, mayPass: false);
            }
            if (failure is null)
            {
                return;
            }
            echo.GaveUp = !failure.MayPass;
            if (!echo.Warned)
            {
                echo.Warned = true;
                _cmdlet.WriteWarning($"-ShowLog: the build log of {image.Arn} could not be read ({failure.Reason}). " +
                    (failure.MayPass ? "The wait goes on and shows the lines when it can read them." : "The wait goes on without it."));
            }
        }
    }
}
