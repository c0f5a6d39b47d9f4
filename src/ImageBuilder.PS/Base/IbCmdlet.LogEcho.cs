using System;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Base
{
    public abstract partial class IbCmdlet
    {
        /// <summary>
        /// The tags of the log lines -ShowLog writes: PSHOST, so a prompt or a transcript shows them as it shows
        /// Write-Host's (the user asked to see them), and the module's own, to pick them out of -InformationVariable.
        /// </summary>
        private static readonly string[] LogLineTags = { "PSHOST", "ImageBuilder.PS.Log" };

        /// <summary>How far a wait with -ShowLog has shown its build's log, and whether it has stopped trying.</summary>
        private protected sealed class BuildLogEcho
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
        private protected void EchoNewLogLines(Image image, BuildLogEcho echo)
        {
            if (echo.GaveUp || BuildLogOf(image) is not { } log)
            {
                return;
            }
            CallFailure? failure;
            try
            {
                foreach (var e in ReadLogForward(log.Group, log.Stream, null, echo.Position, image.Arn!, report: false))
                {
                    var message = (e.Message ?? "").TrimEnd('\r', '\n');
                    WriteInformation(new HostInformationMessage { Message = $"{LogTime.Local(e.Timestamp ?? 0):HH:mm:ss} {message}" }, LogLineTags);
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
                WriteWarning($"-ShowLog: the build log of {image.Arn} could not be read ({failure.Reason}). " +
                    (failure.MayPass ? "The wait goes on and shows the lines when it can read them." : "The wait goes on without it."));
            }
        }
    }
}
