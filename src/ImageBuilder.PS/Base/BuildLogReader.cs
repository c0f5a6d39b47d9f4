using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Logs;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Reads a build's log in CloudWatch Logs for Get-IbImageLog, -ShowLog and a failed wait's explanation: where the
    /// log is, one page at a time, forward from a token, and the lines that tell why a build failed.
    /// </summary>
    internal sealed class BuildLogReader
    {
        private readonly IbCmdlet _cmdlet;

        public BuildLogReader(IbCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>Where Image Builder writes a build's log: the image's own group or /aws/imagebuilder/NAME, stream VERSION/BUILD.</summary>
        public static (string Group, string Stream)? Of(Image image)
        {
            if (!IbArn.TryParse(image.Arn, out var arn) || arn.Build is null)
            {
                return null;
            }
            return (image.LoggingConfiguration?.LogGroupName ?? "/aws/imagebuilder/" + arn.Name, $"{arn.Version}/{arn.Build}");
        }

        /// <summary>
        /// One GetLogEvents call. A missing group or stream gives null and sets <paramref name="missing"/>, so the
        /// caller can say what that means (logging off, or too early) instead of passing on the bare error.
        /// </summary>
        /// <param name="quiet">A read that only adds detail (a failed wait's cause): its errors go to -Verbose.</param>
        public GetLogEventsResponse? ReadPage(GetLogEventsRequest request, object target, out bool missing, bool quiet = false)
        {
            var page = TryReadPage(request, target, out missing, out var failure);
            if (failure is not null && !missing)
            {
                if (quiet)
                {
                    _cmdlet.Verbose($"The build log could not be read ({failure.Reason}).");
                }
                else
                {
                    _cmdlet.WriteError(failure.Record);
                }
            }
            return page;
        }

        /// <summary>One GetLogEvents call that reports nothing: the page, or null and why (<paramref name="missing"/>: no such group or stream).</summary>
        public GetLogEventsResponse? TryReadPage(GetLogEventsRequest request, object target, out bool missing, out CallFailure? failure)
        {
            var page = _cmdlet.TryCall(LogsOperations.GetLogEvents, request, target, out failure);
            missing = failure?.Record.Exception is AwsServiceException { Error.Code: "ResourceNotFoundException" };
            return page;
        }

        /// <summary>
        /// The events of a stream from the head (or from a token), page by page, until the forward token comes back
        /// unchanged; the last token is kept in <paramref name="position"/> so a follower can read on from it.
        /// </summary>
        /// <param name="report">Write a failure (other than a missing stream) as an error; otherwise it is left in <see cref="LogPosition.Failure"/>.</param>
        public IEnumerable<OutputLogEvent> Forward(string group, string stream, long? since, LogPosition position, object target, bool report = true)
        {
            while (true)
            {
                var request = new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, StartFromHead = true, StartTime = since, NextToken = position.Token };
                var page = TryReadPage(request, target, out var missing, out var failure);
                position.Missing = missing;
                position.Failure = missing || report ? null : failure;
                if (failure is not null && !missing && report)
                {
                    _cmdlet.WriteError(failure.Record);
                }
                if (page is null)
                {
                    yield break;
                }
                foreach (var e in page.Events ?? new List<OutputLogEvent>())
                {
                    yield return e;
                }
                if (page.NextForwardToken is null || page.NextForwardToken == position.Token)
                {
                    yield break;
                }
                position.Token = page.NextForwardToken;
            }
        }

        /// <summary>The last lines of a failed build's log that tell why: AWSTOE's failed step and its error output, or the failing workflow step.</summary>
        public List<string> CauseLines(Image image, int most = 8)
        {
            if (Of(image) is not { } log)
            {
                return new List<string>();
            }
            var page = ReadPage(new GetLogEventsRequest { LogGroupName = log.Group, LogStreamName = log.Stream, Limit = 200 }, image.Arn ?? "", out _, quiet: true);
            var lines = (page?.Events ?? new List<OutputLogEvent>()).Select(e => e.Message ?? "").ToList();
            var telling = lines.Where(l => l.IndexOf("fail", StringComparison.OrdinalIgnoreCase) >= 0 || l.IndexOf("error", StringComparison.OrdinalIgnoreCase) >= 0
                                           || l.IndexOf("stderr", StringComparison.OrdinalIgnoreCase) >= 0 || l.IndexOf("exception", StringComparison.OrdinalIgnoreCase) >= 0)
                .Where(l => !l.StartsWith("Image Builder: the build ended", StringComparison.Ordinal))
                .ToList();
            return (telling.Count > 0 ? telling : lines).Skip(Math.Max(0, (telling.Count > 0 ? telling.Count : lines.Count) - most)).ToList();
        }
    }

    /// <summary>Where a reader of a stream has got to.</summary>
    internal sealed class LogPosition
    {
        public string? Token { get; set; }
        /// <summary>The last read found no group or stream.</summary>
        public bool Missing { get; set; }
        /// <summary>The last read failed for another reason (unless its error was written).</summary>
        public CallFailure? Failure { get; set; }
    }
}
