using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// Sits inside AWSSDK.Core's RetryHandler, so it sees every attempt of a call: it counts them itself (the SDK's
    /// own count leaves out re-sends it makes outside its retry policy), remembers why an attempt failed and when,
    /// and as the next one starts tells the call's listener which attempt it is, why, and how long the SDK waited.
    /// The listener is the caller's (set per call through <see cref="Listener"/>, which flows with the call's async
    /// context); it runs on a pool thread, so the cmdlet queues the text and writes it on its own thread.
    /// </summary>
    internal sealed class RetryObserver : PipelineHandler
    {
        /// <summary>Where the current call's retry messages go; null when nobody listens.</summary>
        public static readonly AsyncLocal<Action<string>?> Listener = new();

        private sealed class CallAttempts
        {
            public int Started;
            public string Reason = "";
            public Stopwatch Since = new();
        }

        private static readonly ConditionalWeakTable<IRequestContext, CallAttempts> Attempts = new();

        public override void InvokeSync(IExecutionContext executionContext)
        {
            Before(executionContext);
            try
            {
                base.InvokeSync(executionContext);
            }
            catch (Exception e)
            {
                Failed(executionContext, e);
                throw;
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            Before(executionContext);
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Failed(executionContext, e);
                throw;
            }
        }

        private static void Before(IExecutionContext context)
        {
            var request = context.RequestContext;
            var attempts = Attempts.GetValue(request, _ => new CallAttempts());
            var attempt = ++attempts.Started;
            if (attempt == 1 || Listener.Value is not { } listener)
            {
                return;
            }
            // The stale-connection re-sends are off (ServiceClientConfig); counted in, should they ever be on.
            var most = request.ClientConfig.MaxErrorRetry + 1 + request.ClientConfig.MaxStaleConnectionRetries;
            var operation = (request.OriginalRequest as OperationRequest)?.Operation.Name ?? request.RequestName;
            listener($"{operation}: attempt {attempt} of at most {most}, " +
                $"{attempts.Since.Elapsed.TotalSeconds:0.0#} s after attempt {attempt - 1} failed: {attempts.Reason}");
        }

        private static void Failed(IExecutionContext context, Exception error)
        {
            var attempts = Attempts.GetValue(context.RequestContext, _ => new CallAttempts());
            attempts.Reason = Reason(error);
            attempts.Since.Restart();
        }

        /// <summary>
        /// Why an attempt failed, in words. An answer that broke off arrives as the SDK's failure to read an error
        /// ("error unmarshalling response", with the status line's code); what happened is the transport's.
        /// </summary>
        private static string Reason(Exception error)
        {
            var broken = SdkFailures.FindTransportCause(error);
            return error switch
            {
                AmazonServiceException service when service.StatusCode != 0 && broken is not null =>
                    $"the answer (HTTP {(int)service.StatusCode}) broke off: {Trimmed(broken.Message)}",
                AmazonServiceException service when service.StatusCode != 0 =>
                    $"{service.ErrorCode ?? "an error"} ({(int)service.StatusCode}){(string.IsNullOrEmpty(service.Message) ? "" : ": " + Trimmed(service.Message))}",
                _ => Trimmed((broken ?? error.InnerException ?? error).Message),
            };
        }

        private static string Trimmed(string message) => message.TrimEnd('.');
    }
}
