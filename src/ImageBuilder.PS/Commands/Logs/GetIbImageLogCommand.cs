using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Logs;

namespace ImageBuilder.PS.Commands.Logs
{
    /// <summary>
    /// Reads an image build's log from CloudWatch Logs (GetLogEvents; FilterLogEvents for a -Match the service can
    /// search for), whole, its last lines, since a time, matching a pattern, or followed until the build ends.
    /// </summary>
    [ApiOperation("CloudWatch Logs", "GetLogEvents", "FilterLogEvents")]
    [Cmdlet(VerbsCommon.Get, "IbImageLog")]
    [OutputType(typeof(ImageLogEvent))]
    public sealed class GetIbImageLogCommand : LogReadingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>With -Follow: the pause between two reads.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (PollInterval <= TimeSpan.Zero)
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid", "-PollInterval must be longer than zero.", PollInterval));
            }
        }

        protected override void ProcessRecord()
        {
            if (NewestBuild(Arn) is not { } buildArn
                || Call(IbOperations.GetImage, new GetImageRequest { ImageBuildVersionArn = buildArn }, buildArn) is not { Image: { } image }
                || BuildLogReader.Of(image) is not { } log)
            {
                return;
            }
            Verbose($"The log of {buildArn} is stream {log.Stream} of log group {log.Group}.");
            var since = SinceMilliseconds;
            var position = new LogPosition();
            bool wrote = false;
            if (!Follow && SearchPattern is { } pattern)
            {
                Verbose($"-Match is a plain text: CloudWatch Logs searches for it (filter pattern {pattern}).");
                wrote = WriteLines(Searched(log.Group, log.Stream, pattern, since, buildArn, position), image, log);
            }
            else
            {
                if (Match is not null)
                {
                    Verbose("-Match is matched here, on each line read: " + (Follow ? "-Follow reads the stream in order." : "CloudWatch Logs' filter patterns cannot express it."));
                }
                var events = Tail is { } tail && Match is null ? Last(log.Group, log.Stream, tail, since, position, buildArn) : Log.Forward(log.Group, log.Stream, since, position, buildArn);
                wrote = WriteLines(events, image, log);
            }
            if (Follow)
            {
                FollowBuild(image, log, since, position, ref wrote);
            }
            if (position.Missing && !wrote)
            {
                WriteMissing(image, log);
            }
        }

        /// <summary>Reads on from where the log was left while the build runs; after it ends, reads what is left and stops.</summary>
        private void FollowBuild(Image image, (string Group, string Stream) log, long? since, LogPosition position, ref bool wrote)
        {
            var status = image.State?.Status ?? "PENDING";
            while (!ImageStatuses.Final.Contains(status))
            {
                if (Cancellation.WaitHandle.WaitOne(PollInterval))
                {
                    throw new PipelineStoppedException();
                }
                wrote |= WriteLines(Log.Forward(log.Group, log.Stream, since, position, image.Arn!), image, log);
                if (Call(IbOperations.GetImage, new GetImageRequest { ImageBuildVersionArn = image.Arn }, image.Arn) is not { Image: { } now })
                {
                    return;
                }
                status = now.State?.Status ?? status;
            }
            // The service may put the last lines when the build has ended.
            wrote |= WriteLines(Log.Forward(log.Group, log.Stream, since, position, image.Arn!), image, log);
            Verbose($"The build ended {status}; the log is read to its end.");
        }

        private bool WriteLines(IEnumerable<OutputLogEvent> events, Image image, (string Group, string Stream) log)
        {
            var lines = events
                .Select(e => ImageLogEvent.Parse(e.Timestamp ?? 0, e.Message ?? ""))
                .Where(l => Matches(l.Message));
            if (Tail is { } tail && Match is not null && !Follow)
            {
                lines = LastOf(lines, tail);
            }
            bool any = false;
            foreach (var line in lines)
            {
                line.ImageBuildVersionArn = image.Arn;
                line.LogGroupName = log.Group;
                line.LogStreamName = log.Stream;
                WriteObject(line);
                any = true;
            }
            return any;
        }

        /// <summary>The last lines: one read backwards from the end; a follower reads on from its forward token.</summary>
        private IEnumerable<OutputLogEvent> Last(string group, string stream, int tail, long? since, LogPosition position, string target)
        {
            var page = Log.ReadPage(new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, Limit = tail, StartTime = since }, target, out var missing);
            position.Missing = missing;
            position.Token = page?.NextForwardToken;
            return page?.Events ?? new List<OutputLogEvent>();
        }

        private IEnumerable<OutputLogEvent> Searched(string group, string stream, string pattern, long? since, string target, LogPosition position)
        {
            var request = new FilterLogEventsRequest { LogGroupName = group, LogStreamNames = new List<string> { stream }, FilterPattern = pattern, StartTime = since };
            IEnumerable<FilteredLogEvent> pages;
            {
                // Probe first: a missing group or stream is reported as such, not as the service's error.
                if (Log.ReadPage(new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, Limit = 1 }, target, out var missing) is null)
                {
                    position.Missing = missing;
                    yield break;
                }
                pages = ReadPages(LogsOperations.FilterLogEvents, request, target);
            }
            foreach (var e in pages)
            {
                yield return new OutputLogEvent { Timestamp = e.Timestamp, Message = e.Message, IngestionTime = e.IngestionTime };
            }
        }

        private void WriteMissing(Image image, (string Group, string Stream) log)
        {
            var status = image.State?.Status ?? "PENDING";
            var why = ImageStatuses.Final.Contains(status)
                ? $"The build ended {status} without writing there: logging to CloudWatch Logs may be off for it, the log group may have been deleted or its retention passed, or the instance profile may lack logs:CreateLogStream and logs:PutLogEvents."
                : $"The build is {status}: Image Builder may not have written its log yet (older releases write it when the build ends). Use -Follow to wait for it.";
            WriteError(new ErrorRecord(new ItemNotFoundException($"There is no log stream {log.Stream} in log group {log.Group} for {image.Arn}. {why}"), "ImageLogNotFound", ErrorCategory.ObjectNotFound, image.Arn));
        }

        /// <summary>A build ARN as it is; a version ARN stands for its newest build.</summary>
        private string? NewestBuild(string arn)
        {
            if (!IbArn.TryParse(arn, out var parsed) || parsed.ResourceType != "image")
            {
                WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"'{arn}' is not an image ARN. Pipe in Get-IbImage's output or give arn:aws:imagebuilder:REGION:ACCOUNT:image/NAME/1.0.0/1.", arn));
                return null;
            }
            if (parsed.IsBuildVersion)
            {
                return arn;
            }
            var newest = ExpandToBuildVersions(arn, "image", IbOperations.ListImageBuildVersions)
                .OrderByDescending(a => IbArn.TryParse(a, out var b) && int.TryParse(b.Build, out var n) ? n : 0).FirstOrDefault();
            if (newest is not null)
            {
                Verbose($"{arn} names a version; the log of its newest build, {newest}, is read.");
            }
            return newest;
        }
    }
}
