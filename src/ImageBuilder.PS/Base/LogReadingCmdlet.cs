using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// The base of the cmdlets that read a log from CloudWatch Logs (a build's, a pipeline's): -Tail, -Since and
    /// -Match mean the same for both, and -Match is sent as a filter pattern wherever the service can search for it.
    /// </summary>
    public abstract class LogReadingCmdlet : IbCmdlet
    {
        /// <summary>Only the last N lines (of those that match, with -Match).</summary>
        [Parameter]
        [ValidateRange(1, 10000)]
        public int? Tail { get; set; }

        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>A regular expression (case-insensitive, as -match); see the help for where it is applied.</summary>
        [Parameter]
        public string? Match { get; set; }

        private BuildLogReader? _log;

        /// <summary>Reads build logs for this command.</summary>
        internal BuildLogReader Log => _log ??= new BuildLogReader(this);

        /// <summary>-Match as it is matched here; null without -Match.</summary>
        private protected Regex? MatchPattern { get; private set; }

        /// <summary>-Since as CloudWatch Logs takes it.</summary>
        private protected long? SinceMilliseconds => Since is { } since ? LogTime.Milliseconds(since) : null;

        /// <summary>The filter pattern that has CloudWatch Logs search for -Match; null when -Match needs .NET's regex (or is not given).</summary>
        private protected string? SearchPattern => Match is null ? null : ServicePattern(Match);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Match is null)
            {
                return;
            }
            try
            {
                MatchPattern = new Regex(Match, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"-Match '{Match}' is not a regular expression: {e.Message}", Match));
            }
        }

        /// <summary>Whether a line's text passes -Match (every line does without it).</summary>
        private protected bool Matches(string text) => MatchPattern is null || MatchPattern.IsMatch(text);

        /// <summary>The last <paramref name="count"/> items, kept as they stream by, so a long log is never held whole.</summary>
        private protected static IEnumerable<T> LastOf<T>(IEnumerable<T> items, int count)
        {
            var last = new Queue<T>(Math.Min(count, 1024));
            foreach (var item in items)
            {
                if (last.Count == count)
                {
                    last.Dequeue();
                }
                last.Enqueue(item);
            }
            return last;
        }

        /// <summary>
        /// A CloudWatch Logs regex filter pattern for a -Match that is plain text, made case-insensitive letter by
        /// letter (filter patterns are case-sensitive, -match is not); null when the text needs .NET's regex.
        /// </summary>
        internal static string? ServicePattern(string match)
        {
            if (match.Length == 0 || match.Length > 200 || match.IndexOfAny(@"\*+?|{}[]()^$.%""".ToCharArray()) >= 0)
            {
                return null;
            }
            var pattern = new StringBuilder("%");
            foreach (var c in match)
            {
                pattern.Append(char.IsLetter(c) && char.ToUpperInvariant(c) != char.ToLowerInvariant(c) ? $"[{char.ToUpperInvariant(c)}{char.ToLowerInvariant(c)}]" : c.ToString());
            }
            return pattern.Append('%').ToString();
        }
    }
}
