using System;
using System.Text.RegularExpressions;

namespace ImageBuilder.PS.Model.Ib
{
    /// <summary>
    /// One line of a pipeline's execution log in CloudWatch Logs: when, what the run decided (Started, Skipped, Failed
    /// to start, Ended), why, and the image build it made.
    /// </summary>
    public sealed class PipelineLogEvent
    {
        /// <summary>When the line was written (for a run's first line, when the run was due), in the user's time zone.</summary>
        public DateTime Time { get; set; }
        /// <summary>Started, Skipped, Failed (the run could not start) or Ended; null for a line that says none of them.</summary>
        public string? Decision { get; set; }
        /// <summary>What started the run, when the line says: SCHEDULED or USER_INITIATED.</summary>
        public string? Trigger { get; set; }
        /// <summary>Why: the line without the part that names the decision, the trigger and the image.</summary>
        public string Reason { get; set; } = "";
        /// <summary>The image build the run made, when the line names one.</summary>
        public string? ImageBuildVersionArn { get; set; }
        /// <summary>The line as it is in the log.</summary>
        public string Message { get; set; } = "";
        public string? PipelineName { get; set; }
        public string? PipelineArn { get; set; }
        public string? LogGroupName { get; set; }
        public string? LogStreamName { get; set; }

        /// <summary>The version and build the run made (1.0.0/3), as the table shows it.</summary>
        public string? Build => ImageBuildVersionArn is { } arn && BuildOf.Match(arn) is { Success: true } m ? m.Groups["build"].Value : null;

        public override string ToString() => Message;

        // Image Builder's user guide says what these lines tell, not how they read: the emulator's form is matched
        // exactly, and any other line keeps its text whole with the decision guessed from its words.
        private static readonly Regex Decided = new(
            @"^Pipeline execution (?<decision>started|skipped|failed|ended)(?: \((?<trigger>[A-Z_]+)\))?(?: for image (?<image>\S+?))?: (?<reason>.*)$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex ImageBuild = new(@"arn:aws[\w-]*:imagebuilder:[\w-]+:\d{12}:image/[^/\s]+/\d+\.\d+\.\d+/\d+", RegexOptions.CultureInvariant);
        private static readonly Regex BuildOf = new(@"/(?<build>\d+\.\d+\.\d+/\d+)$", RegexOptions.CultureInvariant);
        private static readonly Regex Skip = new(@"\bskip", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Fail = new(@"\bfail", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Start = new(@"\bstart", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static PipelineLogEvent Parse(long timestamp, string message)
        {
            var text = message.TrimEnd('\r', '\n');
            var line = new PipelineLogEvent { Time = LogTime.Local(timestamp), Message = message, Reason = text };
            var m = Decided.Match(text);
            if (m.Success)
            {
                var decision = m.Groups["decision"].Value;
                line.Decision = char.ToUpperInvariant(decision[0]) + decision.Substring(1);
                line.Trigger = m.Groups["trigger"].Success ? m.Groups["trigger"].Value : null;
                line.ImageBuildVersionArn = m.Groups["image"].Success ? m.Groups["image"].Value : null;
                line.Reason = m.Groups["reason"].Value;
                return line;
            }
            // Skipped before failed before started: "skipped: the run would have started" is a skip.
            line.Decision = Skip.IsMatch(text) ? "Skipped" : Fail.IsMatch(text) ? "Failed" : Start.IsMatch(text) ? "Started" : null;
            line.ImageBuildVersionArn = ImageBuild.Match(text) is { Success: true } image ? image.Value : null;
            return line;
        }
    }
}
