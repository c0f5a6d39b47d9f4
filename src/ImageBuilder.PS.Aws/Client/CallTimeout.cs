using System;
using System.Globalization;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// How long one call may go without an answer before it is given up, retries included. A server that accepts a
    /// connection and never answers would otherwise hold a prompt for the SDK's own limits (100 s an attempt, three
    /// attempts) and then say only that the operation was cancelled.
    /// </summary>
    public static class CallTimeout
    {
        /// <summary>The environment variable that changes the limit, in seconds.</summary>
        public const string EnvironmentVariable = "IBPS_TIMEOUT_SECONDS";

        /// <summary>
        /// 60 s, the AWS CLI's read timeout: Image Builder, AppStream and WorkSpaces answer in well under a second, so
        /// a minute of silence means the answer is not coming, and a runbook hears so while it can still act.
        /// </summary>
        public static readonly TimeSpan Default = TimeSpan.FromSeconds(60);

        /// <summary>A day at most: beyond it the limit stops meaning anything, and the SDK refuses much larger values.</summary>
        public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

        /// <summary>The session variable that changes the limit for one PowerShell session, before the environment.</summary>
        public const string SessionVariable = "IbTimeoutSeconds";

        /// <summary>
        /// The limit: the session's $IbTimeoutSeconds, else the environment's IBPS_TIMEOUT_SECONDS, else the default. A
        /// value that is not a usable number of seconds is refused, naming where it came from.
        /// </summary>
        public static TimeSpan From(string? sessionValue, Func<string, string?> environment)
        {
            if (!string.IsNullOrWhiteSpace(sessionValue))
            {
                return Parse(sessionValue!, "$" + SessionVariable);
            }
            var text = environment(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(text) ? Default : Parse(text!, EnvironmentVariable);
        }

        private static TimeSpan Parse(string text, string source)
        {
            if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                || double.IsNaN(seconds) || seconds <= 0 || seconds > Longest.TotalSeconds)
            {
                throw new ConnectionException(
                    $"{source} is '{Excerpt(text)}'; it must be a number of seconds above 0 and at most {Longest.TotalSeconds} (unset, calls wait {Default.TotalSeconds} s).");
            }
            return TimeSpan.FromSeconds(seconds);
        }

        private static string Excerpt(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
    }
}
