using System;
using System.Management.Automation;

namespace ImageBuilder.PS.Base
{
    public abstract partial class IbCmdlet
    {
        /// <summary>The longest pause between two polls; they start short and back off to this.</summary>
        protected static readonly TimeSpan DefaultPollCeiling = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Polls until the work is done, shows a progress bar of its stages (completed at the end), warns once when
        /// the user must act, and ends with the resource (success), or an error record and null (failure or
        /// timeout). Ctrl+C stops the waiting at once and leaves the work itself running.
        /// </summary>
        /// <param name="poll">Looks at the work once; null when the look failed (its error is already written).</param>
        /// <param name="activity">The progress bar's title, e.g. "Building golden-windows 1.0.0/3".</param>
        /// <param name="timeout">How long to wait at most; null for no limit.</param>
        /// <param name="pollCeiling">The longest pause between polls.</param>
        /// <param name="endAtAction">End the wait (giving the resource) when the user must act, instead of warning and going on.</param>
        protected T? WaitFor<T>(Func<WaitObservation<T>?> poll, string activity, object target, TimeSpan? timeout, TimeSpan pollCeiling, bool endAtAction = false) where T : class
        {
            var id = ActivityIdFor(activity);
            var last = new ProgressRecord(id, activity, "Starting");
            var started = DateTime.UtcNow;
            var pause = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(2).Ticks, pollCeiling.Ticks));
            string? warned = null;
            try
            {
                while (true)
                {
                    var seen = poll();
                    if (seen is null)
                    {
                        return null;
                    }
                    // A fresh record each time: hosts may keep the ones they were given.
                    last = new ProgressRecord(id, activity, seen.Status)
                    {
                        CurrentOperation = seen.Detail,
                        PercentComplete = Math.Max(0, Math.Min(100, seen.Percent)),
                    };
                    WriteProgress(last);
                    if (seen.ActionNeeded is not null && endAtAction)
                    {
                        return seen.Resource;
                    }
                    if (seen.ActionNeeded is not null && seen.ActionNeeded != warned)
                    {
                        WriteWarning(seen.ActionNeeded);
                        warned = seen.ActionNeeded;
                    }
                    if (seen.Succeeded)
                    {
                        return seen.Resource;
                    }
                    if (seen.Failure is not null)
                    {
                        WriteError(new ErrorRecord(new InvalidOperationException(seen.Failure), "WaitEndedIn" + Pascal(seen.Status), ErrorCategory.InvalidResult, seen.Resource)
                        {
                            ErrorDetails = new ErrorDetails($"{activity} ended {seen.Status}: {seen.Failure}"),
                        });
                        return null;
                    }
                    var waited = DateTime.UtcNow - started;
                    if (timeout is { } limit && waited + pause > limit)
                    {
                        var rest = limit - waited;
                        if (rest > TimeSpan.Zero) Sleep(rest);
                        WriteError(new ErrorRecord(new TimeoutException($"{activity} was still {seen.Status} after {Describe(limit)}."), "WaitTimedOut", ErrorCategory.OperationTimeout, target)
                        {
                            ErrorDetails = new ErrorDetails($"{activity} was still {seen.Status} after {Describe(limit)}; it goes on without waiting. Wait again with Wait-IbImage."),
                        });
                        return null;
                    }
                    Sleep(pause);
                    pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, pollCeiling.Ticks));
                }
            }
            finally
            {
                WriteProgress(new ProgressRecord(id, activity, last.StatusDescription)
                {
                    CurrentOperation = last.CurrentOperation,
                    PercentComplete = last.PercentComplete,
                    RecordType = ProgressRecordType.Completed,
                });
            }
        }

        /// <summary>Sleeps, but wakes at once on Ctrl+C (and then stops the pipeline).</summary>
        private void Sleep(TimeSpan pause)
        {
            if (Cancellation.WaitHandle.WaitOne(pause))
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Each resource waited on gets its own bar, so several waits in one pipeline do not overwrite each other.</summary>
        private static int ActivityIdFor(string activity) => (activity.GetHashCode() & 0x7fffffff) % 100000 + 1;

        private static string Pascal(string status) =>
            status.Length == 0 ? "Failure" : char.ToUpperInvariant(status[0]) + status.Substring(1).ToLowerInvariant();

        private static string Describe(TimeSpan span) =>
            span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0.#} s";
    }
}
