using System;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Waiting
{
    /// <summary>
    /// The wait every -Wait and Wait-IbImage runs: polls a watcher (<see cref="ImageBuildWatcher"/>,
    /// <see cref="AppStreamImportWatcher"/>, ...) with a growing pause, shows its progress, rides out failures that
    /// pass, and ends with the resource, or an error record and null. One loop, so every kind of wait times out,
    /// backs off, warns and stops on Ctrl+C alike.
    /// </summary>
    internal sealed class WaitLoop
    {
        private readonly IbCmdlet _cmdlet;

        public WaitLoop(IbCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>The longest pause between two polls; they start short and back off to this.</summary>
        public static readonly TimeSpan DefaultPollCeiling = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How many looks in a row may fail for a reason that passes (throttling, a 5xx, a lost connection) before a
        /// wait gives up. A build takes an hour; one bad minute of the service should not end a runbook's wait.
        /// </summary>
        private const int TransientFailuresTolerated = 5;

        /// <summary>Refuses a -PollInterval or -Timeout that cannot work, before anything is sent.</summary>
        public static void CheckSettings(System.Management.Automation.Cmdlet cmdlet, TimeSpan? timeout, TimeSpan pollInterval)
        {
            if (pollInterval <= TimeSpan.Zero)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"-PollInterval must be longer than zero (it is {Durations.Describe(pollInterval)}).", pollInterval));
            }
            if (timeout is { } limit && limit <= TimeSpan.Zero)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"-Timeout must be longer than zero (it is {Durations.Describe(limit)}).", limit));
            }
        }

        /// <summary>
        /// Polls until the work is done, shows a progress bar of its stages (completed at the end), warns once when
        /// the user must act, and ends with the resource (success), or an error record and null (failure or
        /// timeout). Ctrl+C stops the waiting at once and leaves the work itself running.
        /// </summary>
        /// <param name="poll">Looks at the work once (with <see cref="Poll"/>); null when the look failed for good (its error is already written).</param>
        /// <param name="activity">The progress bar's title, e.g. "Building golden-windows 1.0.0/3".</param>
        /// <param name="resume">What to run to look again after a timeout, e.g. "Wait-IbImage -Arn ...".</param>
        /// <param name="timeout">How long to wait at most; null for no limit.</param>
        /// <param name="pollCeiling">The longest pause between polls.</param>
        /// <param name="endAtAction">End the wait (giving the resource) when the user must act, instead of warning and going on.</param>
        public T? Run<T>(Func<WaitObservation<T>?> poll, string activity, object target, string resume, TimeSpan? timeout, TimeSpan pollCeiling, bool endAtAction = false) where T : class
        {
            var id = ActivityIdFor(activity);
            var last = new ProgressRecord(id, activity, "Starting");
            var deadline = timeout is { } limit ? DateTime.UtcNow + limit : (DateTime?)null;
            var pause = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(2).Ticks, pollCeiling.Ticks));
            var failuresInARow = 0;
            string? warned = null;
            try
            {
                while (true)
                {
                    WaitObservation<T>? seen;
                    try
                    {
                        seen = poll();
                        failuresInARow = 0;
                    }
                    catch (TransientPollFailure e) when (++failuresInARow <= TransientFailuresTolerated)
                    {
                        _cmdlet.WriteWarning($"{activity}: could not look ({e.Message}); trying again in {Durations.Describe(pause)}.");
                        seen = null;
                    }
                    catch (TransientPollFailure e)
                    {
                        _cmdlet.WriteError(e.Record);
                        return null;
                    }
                    if (seen is not null)
                    {
                        // A fresh record each time: hosts may keep the ones they were given. A failure keeps the
                        // bar where the work stopped.
                        last = new ProgressRecord(id, activity, seen.StatusLine)
                        {
                            CurrentOperation = seen.Detail,
                            PercentComplete = seen.Failure is null ? Math.Max(0, Math.Min(100, seen.Percent)) : last.PercentComplete,
                        };
                        _cmdlet.WriteProgress(last);
                        if (seen.ActionNeeded is not null && endAtAction)
                        {
                            return seen.Resource;
                        }
                        if (seen.ActionNeeded is not null && seen.ActionNeeded != warned)
                        {
                            _cmdlet.WriteWarning(seen.ActionNeeded);
                            warned = seen.ActionNeeded;
                        }
                        if (seen.Succeeded)
                        {
                            return seen.Resource;
                        }
                        if (seen.Failure is not null)
                        {
                            _cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(seen.Failure), "WaitEndedIn" + Pascal(seen.Status), ErrorCategory.InvalidResult, seen.Resource)
                            {
                                ErrorDetails = new ErrorDetails($"{activity} ended {seen.Status}: {seen.Failure}"),
                            });
                            return null;
                        }
                    }
                    else if (failuresInARow == 0)
                    {
                        return null;
                    }
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        var state = seen is null ? "not seen to end (the last look failed)" : $"still {seen.Status}";
                        _cmdlet.WriteError(new ErrorRecord(new TimeoutException($"{activity} was {state} after {Durations.Describe(timeout!.Value)}."), "WaitTimedOut", ErrorCategory.OperationTimeout, target)
                        {
                            ErrorDetails = new ErrorDetails($"{activity} was {state} after {Durations.Describe(timeout.Value)}; it goes on without waiting. To look again: {resume}"),
                        });
                        return null;
                    }
                    // The last pause ends at the deadline, so the answer at the deadline is a fresh look.
                    Sleep(left is { } rest && rest < pause ? rest : pause);
                    pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, pollCeiling.Ticks));
                }
            }
            finally
            {
                _cmdlet.WriteProgress(new ProgressRecord(id, activity, last.StatusDescription)
                {
                    CurrentOperation = last.CurrentOperation,
                    PercentComplete = last.PercentComplete,
                    RecordType = ProgressRecordType.Completed,
                });
            }
        }

        /// <summary>
        /// A call made by a wait's poll. A failure that may pass is thrown as <see cref="TransientPollFailure"/>
        /// (the wait looks again later); any other failure is written and gives null (the wait ends).
        /// </summary>
        public TResponse? Poll<TRequest, TResponse>(OperationDef<TRequest, TResponse> operation, TRequest input, object target)
            where TRequest : class, IAwsStructure
            where TResponse : class, IAwsStructure
        {
            var output = _cmdlet.TryCall(operation, input, target, out var failure);
            if (failure is null)
            {
                // A wait ends with the image as its last look saw it, which should carry what Get-IbImage's does.
                (output as Model.Ib.IHoldsLatestVersionReferences)?.CarryLatestVersionReferences();
                return output;
            }
            if (failure.MayPass)
            {
                throw new TransientPollFailure($"{operation.Name}: {failure.Reason}", failure.Record);
            }
            _cmdlet.WriteError(failure.Record);
            return null;
        }

        /// <summary>Ends a wait whose resource a describe call no longer lists (deleted while waited on).</summary>
        public static WaitObservation<T>? Gone<T>(Cmdlet cmdlet, string message, string target) where T : class
        {
            cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException(message), "WaitedResourceNotFound", ErrorCategory.ObjectNotFound, target));
            return null;
        }

        /// <summary>A poll that failed for a reason that may pass; carries the error to write if it does not.</summary>
        private sealed class TransientPollFailure : Exception
        {
            public TransientPollFailure(string message, ErrorRecord record) : base(message) => Record = record;

            public ErrorRecord Record { get; }
        }

        /// <summary>Sleeps, but wakes at once on Ctrl+C (and then stops the pipeline).</summary>
        private void Sleep(TimeSpan pause)
        {
            if (_cmdlet.Cancellation.WaitHandle.WaitOne(pause))
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Each resource waited on gets its own bar, so several waits in one pipeline do not overwrite each other.</summary>
        private static int ActivityIdFor(string activity) => (activity.GetHashCode() & 0x7fffffff) % 100000 + 1;

        private static string Pascal(string status) =>
            status.Length == 0 ? "Failure" : char.ToUpperInvariant(status[0]) + status.Substring(1).ToLowerInvariant();
    }
}
