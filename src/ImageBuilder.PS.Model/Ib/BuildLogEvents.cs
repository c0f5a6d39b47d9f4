using System;
using System.Text.RegularExpressions;

namespace ImageBuilder.PS.Model.Ib
{
    /// <summary>
    /// One line of an image build's log in CloudWatch Logs, with what the line says about where the build was: the
    /// workflow and step (Image Builder's lines) or the AWSTOE phase and step (a component's lines).
    /// </summary>
    public sealed class ImageLogEvent
    {
        /// <summary>When the line was written, in the user's time zone.</summary>
        public DateTime Time { get; set; }
        public string? Workflow { get; set; }
        /// <summary>The AWSTOE phase (build, validate, test) the line belongs to, when it names one.</summary>
        public string? Phase { get; set; }
        /// <summary>The workflow step or AWSTOE step the line names.</summary>
        public string? Step { get; set; }
        /// <summary>The line without the part that names the workflow, phase or step.</summary>
        public string Text { get; set; } = "";
        /// <summary>The line as it is in the log.</summary>
        public string Message { get; set; } = "";
        public string? ImageBuildVersionArn { get; set; }
        public string? LogGroupName { get; set; }
        public string? LogStreamName { get; set; }

        /// <summary>Where the build was, as the table shows it: the AWSTOE phase/step, else the step, else the workflow.</summary>
        public string Where => Phase is not null ? (Step is null ? Phase : Phase + "/" + Step) : Step ?? Workflow ?? "";

        public override string ToString() => Message;

        private static readonly Regex WorkflowStep = new(@"^Workflow (?<workflow>\S+) step (?<step>\S+) \((?<action>[^)]*)\): (?<text>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex WorkflowLine = new(@"^Workflow (?<workflow>[^\s:]+): (?<text>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex ToeStep = new(@"^AWSTOE phase (?<phase>[\w-]+)(?:, step (?<step>[^\s:(]+))?(?: \((?<action>[^)]*)\))?: (?<text>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex Prefixed = new(@"^(?:AWSTOE [\d.]+|Image Builder): (?<text>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

        /// <summary>Reads a line of the log; lines in no form it knows keep their text whole.</summary>
        public static ImageLogEvent Parse(long timestamp, string message)
        {
            var line = new ImageLogEvent { Time = LogTime.Local(timestamp), Message = message, Text = message.TrimEnd('\r', '\n') };
            Match m;
            if ((m = WorkflowStep.Match(line.Text)).Success)
            {
                line.Workflow = m.Groups["workflow"].Value;
                line.Step = m.Groups["step"].Value;
                line.Text = m.Groups["text"].Value;
            }
            else if ((m = ToeStep.Match(line.Text)).Success)
            {
                line.Phase = m.Groups["phase"].Value;
                line.Step = m.Groups["step"].Success ? m.Groups["step"].Value : null;
                line.Text = m.Groups["text"].Value;
            }
            else if ((m = WorkflowLine.Match(line.Text)).Success)
            {
                line.Workflow = m.Groups["workflow"].Value;
                line.Text = m.Groups["text"].Value;
            }
            else if ((m = Prefixed.Match(line.Text)).Success)
            {
                line.Text = m.Groups["text"].Value;
            }
            return line;
        }
    }

    /// <summary>CloudWatch Logs times are milliseconds since 1970 (UTC); a log reads in the reader's own zone.</summary>
    public static class LogTime
    {
        private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static DateTime Local(long milliseconds) => Epoch.AddMilliseconds(milliseconds).ToLocalTime();

        public static long Milliseconds(DateTime time) =>
            (long)((time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Local) : time).ToUniversalTime() - Epoch).TotalMilliseconds;
    }
}
