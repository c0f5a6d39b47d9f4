using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Sends one command's calls: every call, a wait's poll and a listing's page goes through <see cref="TrySend"/>,
    /// so they all honour Ctrl+C and the time limit the same way and classify a failure the same way.
    /// </summary>
    internal sealed class CallSender
    {
        private readonly IbCmdlet _cmdlet;
        private readonly CancellationToken _cancel;

        public CallSender(IbCmdlet cmdlet, CancellationToken cancel)
        {
            _cmdlet = cmdlet;
            _cancel = cancel;
        }

        /// <summary><see cref="TrySend"/> with what -Verbose and -Debug show about it.</summary>
        public IAwsStructure? Traced(OperationDef operation, IAwsStructure? input, object? target, out CallFailure? failure)
        {
            _cmdlet.Verbose($"{operation.Service?.ServiceId} {operation.Name}{(target is null ? "" : " for " + target)}");
            // Read once: it is a session-variable lookup, and every call of a listing passes here.
            var debug = CmdletStreams.IsDebugOn(_cmdlet);
            if (input is not null && debug)
            {
                _cmdlet.Debug($"{operation.Name} input: {Describe(input)}");
            }
            var output = TrySend(operation, input, target, out failure);
            (output as Model.Ib.IHoldsLatestVersionReferences)?.CarryLatestVersionReferences();
            if (output is not null && debug)
            {
                _cmdlet.Debug($"{operation.Name} output: {Describe(output)}");
            }
            return output;
        }

        private static string Describe(IAwsStructure value) =>
            System.Text.Encoding.UTF8.GetString(JsonBytes.Write(w => JsonShapeWriter.WriteValue(w, value.GetShape(), value, TimestampFormat.Default, redact: true)));

        /// <summary>
        /// The one place a call is sent and its failure classified, for single calls, waits' polls and listings'
        /// pages alike. Waits on the pipeline thread until the answer, Ctrl+C (at once, in every phase: credentials
        /// too), or the call's time limit. Gives the answer, or null and the failure; any failure the module cannot
        /// explain is thrown as it is.
        /// </summary>
        public IAwsStructure? TrySend(OperationDef operation, IAwsStructure? input, object? target, out CallFailure? failure)
        {
            var binding = ServiceBinding.For(operation);
            var client = _cmdlet.ClientFor(binding);
            failure = null;
            var limit = client.CallTimeout;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_cancel);
            deadline.CancelAfter(limit);
            var watch = Stopwatch.StartNew();
            if (!CredentialsReady(client, operation, target, deadline, limit, watch, out failure))
            {
                return null;
            }
            try
            {
                // On the thread pool: whatever part of the SDK blocks before its first await cannot hold the pipeline thread.
                // Retries are told from there into a queue, and written to -Verbose here, on the pipeline thread.
                var retries = new System.Collections.Concurrent.ConcurrentQueue<string>();
                return Await(Task.Run(() => client.CallAsync(operation, input, deadline.Token, retries.Enqueue)), deadline.Token, retries, _cmdlet);
            }
            catch (Exception) when (_cancel.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception e)
            {
                var kind = deadline.IsCancellationRequested ? CallFailureKind.TimedOut : SdkFailures.Classify(e, cancelledByUser: false);
                failure = kind switch
                {
                    CallFailureKind.Service => FromService((AwsServiceException)e, target),
                    CallFailureKind.Transport when SdkFailures.NeverSent(e) => new CallFailure(
                        ErrorRecords.Connection(e, target, $"{operation.Name} could not reach {client.Endpoint}: {Sentence(SdkFailures.TransportCause(e).Message)}{NotSentAdvice(binding)}"),
                        SdkFailures.TransportCause(e).Message, mayPass: true),
                    CallFailureKind.Transport => new CallFailure(
                        ErrorRecords.Connection(e, target, $"{operation.Name} got no answer from {client.Endpoint}: {Sentence(SdkFailures.TransportCause(e).Message)}{NoAnswerAdvice(operation, input)}"),
                        SdkFailures.TransportCause(e).Message, mayPass: true),
                    CallFailureKind.TimedOut => new CallFailure(
                        ErrorRecords.TimedOut(e, target, $"{operation.Name} got no answer from {client.Endpoint} in {Durations.Describe(watch.Elapsed)} " +
                            $"(the limit is {Durations.Describe(limit)}; ${CallTimeout.SessionVariable} or $env:{CallTimeout.EnvironmentVariable} changes it).{NoAnswerAdvice(operation, input)}"),
                        $"no answer in {Durations.Describe(watch.Elapsed)}", mayPass: true),
                    CallFailureKind.Client => new CallFailure(ErrorRecords.Connection(e, target), e.Message, mayPass: true),
                    _ => null,
                };
                if (failure is null)
                {
                    throw;
                }
                return null;
            }
        }

        /// <summary>
        /// Gets the call's credentials first, under the same limit and Ctrl+C, so that a credential source that fails
        /// or stays silent (STS, SSO, a credential process) is reported as what it is, naming the profile and the
        /// mechanism, instead of as the service not answering.
        /// </summary>
        private bool CredentialsReady(ServiceClient client, OperationDef operation, object? target, CancellationTokenSource deadline, TimeSpan limit, Stopwatch watch, out CallFailure? failure)
        {
            failure = null;
            try
            {
                Await(Task.Run(async () => { await client.ResolveCredentialsAsync().ConfigureAwait(false); return true; }), deadline.Token);
                return true;
            }
            catch (Exception) when (_cancel.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception e) when (deadline.IsCancellationRequested)
            {
                var message = $"No credentials came from {client.CredentialSource} in {Durations.Describe(watch.Elapsed)} (the limit is {Durations.Describe(limit)}; " +
                    $"${CallTimeout.SessionVariable} or $env:{CallTimeout.EnvironmentVariable} changes it), so {operation.Name} was not sent.";
                failure = new CallFailure(new ErrorRecord(new TimeoutException(message, e), "CredentialsTimedOut", ErrorCategory.OperationTimeout, target)
                {
                    ErrorDetails = new ErrorDetails(message),
                }, "no credentials in time", mayPass: true);
                return false;
            }
            catch (Exception e)
            {
                // Whatever getting credentials throws (the SDK's ProcessAWSCredentialException is not even one of its
                // client exceptions), the call cannot be made; the message says from where they were to come.
                var message = $"The credentials from {client.CredentialSource} could not be got, so {operation.Name} was not sent: {Excerpt(e.Message)}";
                failure = new CallFailure(new ErrorRecord(e, "CredentialsUnavailable", ErrorCategory.AuthenticationError, target)
                {
                    ErrorDetails = new ErrorDetails(message),
                }, "credentials unavailable", mayPass: false);
                return false;
            }
        }

        /// <summary>A credential process's error output can be long; the start says what went wrong.</summary>
        private static string Excerpt(string text) => text.Length <= 600 ? text : text.Substring(0, 600) + "...";

        private static string Sentence(string text) => text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";

        private static CallFailure FromService(AwsServiceException e, object? target) =>
            new(ErrorRecords.FromService(e, target), e.Error.Code, mayPass: e.IsThrottling || e.Error.StatusCode >= 500);

        /// <summary>
        /// What a user can do about a call that got no answer: a read can simply be run again; a change may have
        /// been made, and a create that carries a client token can be re-run with the same token without doing it
        /// twice (the service gives back the first result).
        /// </summary>
        private string NoAnswerAdvice(OperationDef operation, IAwsStructure? input)
        {
            if (IsRead(operation))
            {
                return " Nothing was changed; run the command again.";
            }
            var token = ClientTokenOf(input);
            if (token is not null && _cmdlet.MyInvocation.MyCommand.Parameters.ContainsKey("ClientToken"))
            {
                return $" The request may have been applied. Running the command again with -ClientToken {token} is safe: the service gives back the first result instead of doing it twice.";
            }
            return " The request may have been applied: look before running the command again.";
        }

        /// <summary>
        /// What to do about an endpoint nothing answers at: the request never left, so nothing changed, and trying
        /// again is useless until the endpoint is put right; where it came from says what to change.
        /// </summary>
        private string NotSentAdvice(ServiceBinding binding)
        {
            var connection = _cmdlet.ConnectionFor(binding);
            var where = connection.EndpointSource is { } source
                ? $" Check the endpoint from {source}"
                : $" Check the network, and the region {connection.Region} (from {connection.RegionSource})";
            var emulator = connection.EndpointUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback
                ? "; if it is the local emulator, start it (Start-IbEmulator) or give the address it prints"
                : "";
            return $" The request was not sent, so nothing was changed.{where}{emulator}.";
        }

        private static bool IsRead(OperationDef operation) =>
            operation.Name.StartsWith("Get", StringComparison.Ordinal) || operation.Name.StartsWith("List", StringComparison.Ordinal)
            || operation.Name.StartsWith("Describe", StringComparison.Ordinal);

        private static string? ClientTokenOf(IAwsStructure? input)
        {
            if (input is null) return null;
            foreach (var member in input.GetShape().Members)
            {
                if (member.IsIdempotencyToken && input.GetMember(member.Index) is string token) return token;
            }
            return null;
        }

        /// <summary>
        /// Waits for a task, but stops waiting when <paramref name="token"/> is cancelled even if the task does not
        /// listen: the SDK resolves credentials (an STS call, a credential process) inside its pipeline, and not every
        /// part of that honours the token. The abandoned task ends on its own; its failure is observed so it is not
        /// reported later as unobserved.
        /// </summary>
        private static T Await<T>(Task<T> task, CancellationToken token, System.Collections.Concurrent.ConcurrentQueue<string>? verbose = null, IbCmdlet? writer = null)
        {
            try
            {
                if (verbose is null || writer is null)
                {
                    task.Wait(token);
                }
                else
                {
                    // Wakes now and then to write what the pool thread queued; a retry's wait is seconds long.
                    while (!task.Wait(100, token))
                    {
                        Drain(verbose, writer);
                    }
                    Drain(verbose, writer);
                }
            }
            catch (OperationCanceledException) when (!task.IsCompleted)
            {
                task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }
            catch (AggregateException)
            {
                // The task's own failure: rethrown unwrapped below.
            }
            finally
            {
                if (verbose is not null && writer is not null) Drain(verbose, writer);
            }
            return task.GetAwaiter().GetResult();
        }

        private static void Drain(System.Collections.Concurrent.ConcurrentQueue<string> verbose, IbCmdlet writer)
        {
            while (verbose.TryDequeue(out var line))
            {
                writer.Verbose(line);
            }
        }
    }
}
