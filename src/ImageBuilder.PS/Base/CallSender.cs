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
            using var call = Begin(operation, input, target, traced: true);
            return End(call, out failure);
        }

        /// <summary>
        /// The one place a call is sent and its failure classified, for single calls, waits' polls and listings'
        /// pages alike. Waits on the pipeline thread until the answer, Ctrl+C (at once, in every phase: credentials
        /// too), or the call's time limit. Gives the answer, or null and the failure; any failure the module cannot
        /// explain is thrown as it is.
        /// </summary>
        public IAwsStructure? TrySend(OperationDef operation, IAwsStructure? input, object? target, out CallFailure? failure)
        {
            using var call = Begin(operation, input, target, traced: false);
            return End(call, out failure);
        }

        /// <summary>
        /// Starts a call and returns at once; <see cref="End"/> waits for it. Traced, it says on -Verbose what is
        /// called (and on -Debug what is sent) now, on the pipeline thread.
        /// </summary>
        public PendingCall Begin(OperationDef operation, IAwsStructure? input, object? target, bool traced)
        {
            var debug = false;
            if (traced)
            {
                _cmdlet.Verbose($"{operation.Service?.ServiceId} {operation.Name}{(target is null ? "" : " for " + target)}");
                debug = CmdletStreams.IsDebugOn(_cmdlet);
                if (input is not null && debug)
                {
                    _cmdlet.Debug($"{operation.Name} input: {Describe(input)}");
                }
            }
            var binding = ServiceBinding.For(operation);
            return new PendingCall(operation, input, target, binding, _cmdlet.ClientFor(binding), _cancel, debug);
        }

        /// <summary>
        /// Waits on the pipeline thread for a call <see cref="Begin"/> started, writing its retries to -Verbose as
        /// they happen; gives its answer, or null and the failure, classified.
        /// </summary>
        public IAwsStructure? End(PendingCall call, out CallFailure? failure)
        {
            failure = null;
            var operation = call.Operation;
            IAwsStructure? output;
            try
            {
                output = Await(call.Task, call.Deadline.Token, call.Retries, _cmdlet);
            }
            catch (Exception) when (_cancel.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception e)
            {
                failure = call.CredentialsReady ? CallFailed(call, e) : CredentialsFailed(call, e);
                if (failure is null)
                {
                    throw;
                }
                return null;
            }
            (output as Model.Ib.IHoldsLatestVersionReferences)?.CarryLatestVersionReferences();
            if (output is not null && call.Debug)
            {
                _cmdlet.Debug($"{operation.Name} output: {Describe(output)}");
            }
            return output;
        }

        private static string Describe(IAwsStructure value) =>
            System.Text.Encoding.UTF8.GetString(JsonBytes.Write(w => JsonShapeWriter.WriteValue(w, value.GetShape(), value, TimestampFormat.Default, redact: true)));

        /// <summary>The failure of a sent call, or null for one the module cannot explain (thrown as it is).</summary>
        private CallFailure? CallFailed(PendingCall call, Exception e)
        {
            var (operation, input, target, client) = (call.Operation, call.Input, call.Target, call.Client);
            var kind = call.Deadline.IsCancellationRequested ? CallFailureKind.TimedOut : SdkFailures.Classify(e, cancelledByUser: false);
            return kind switch
            {
                CallFailureKind.Service => FromService((AwsServiceException)e, target),
                CallFailureKind.Transport when SdkFailures.NeverSent(e) => new CallFailure(
                    ErrorRecords.Connection(e, target, $"{operation.Name} could not reach {client.Endpoint}: {Sentence(SdkFailures.TransportCause(e).Message)}{NotSentAdvice(call.Binding)}"),
                    SdkFailures.TransportCause(e).Message, mayPass: true),
                CallFailureKind.Transport => new CallFailure(
                    ErrorRecords.Connection(e, target, $"{operation.Name} got no answer from {client.Endpoint}: {Sentence(SdkFailures.TransportCause(e).Message)}{NoAnswerAdvice(operation, input)}"),
                    SdkFailures.TransportCause(e).Message, mayPass: true),
                CallFailureKind.TimedOut => new CallFailure(
                    ErrorRecords.TimedOut(e, target, $"{operation.Name} got no answer from {client.Endpoint} in {Durations.Describe(call.Watch.Elapsed)} " +
                        $"(the limit is {Durations.Describe(call.Limit)}; ${CallTimeout.SessionVariable} or $env:{CallTimeout.EnvironmentVariable} changes it).{NoAnswerAdvice(operation, input)}"),
                    $"no answer in {Durations.Describe(call.Watch.Elapsed)}", mayPass: true),
                CallFailureKind.Client => new CallFailure(ErrorRecords.Connection(e, target), e.Message, mayPass: true),
                _ => null,
            };
        }

        /// <summary>
        /// The call could not be made because its credentials did not come: in time (the same limit as the call),
        /// or at all. Either way nothing was sent, and the message says from where they were to come.
        /// </summary>
        private static CallFailure CredentialsFailed(PendingCall call, Exception e)
        {
            var (client, operation, limit, target) = (call.Client, call.Operation, call.Limit, call.Target);
            if (e is CredentialsFailedException failed)
            {
                // Whatever getting credentials throws (the SDK's ProcessAWSCredentialException is not even one of its
                // client exceptions), the call cannot be made.
                var cause = failed.InnerException!;
                var text = $"The credentials from {client.CredentialSource} could not be got, so {operation.Name} was not sent: {Excerpt(cause.Message)}";
                return new CallFailure(new ErrorRecord(cause, "CredentialsUnavailable", ErrorCategory.AuthenticationError, target)
                {
                    ErrorDetails = new ErrorDetails(text),
                }, "credentials unavailable", mayPass: false);
            }
            var message = $"No credentials came from {client.CredentialSource} in {Durations.Describe(call.Watch.Elapsed)} (the limit is {Durations.Describe(limit)}; " +
                $"${CallTimeout.SessionVariable} or $env:{CallTimeout.EnvironmentVariable} changes it), so {operation.Name} was not sent.";
            return new CallFailure(new ErrorRecord(new TimeoutException(message, e), "CredentialsTimedOut", ErrorCategory.OperationTimeout, target)
            {
                ErrorDetails = new ErrorDetails(message),
            }, "no credentials in time", mayPass: true);
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
        /// Waits for a call's task, but stops waiting when <paramref name="token"/> is cancelled even if the task does
        /// not listen: the SDK resolves credentials (an STS call, a credential process) inside its pipeline, and not
        /// every part of that honours the token. The abandoned task ends on its own (<see cref="PendingCall.Dispose"/>
        /// observes its failure). Wakes now and then to write the retries the pool thread queued; a retry's wait is
        /// seconds long.
        /// </summary>
        private static T Await<T>(Task<T> task, CancellationToken token, System.Collections.Concurrent.ConcurrentQueue<string> verbose, IbCmdlet writer)
        {
            try
            {
                while (!task.Wait(100, token))
                {
                    Drain(verbose, writer);
                }
            }
            catch (AggregateException)
            {
                // The task's own failure: rethrown unwrapped below.
            }
            finally
            {
                Drain(verbose, writer);
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
