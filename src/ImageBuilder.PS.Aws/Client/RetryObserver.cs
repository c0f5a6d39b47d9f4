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
    /// Sits inside AWSSDK.Core's RetryHandler, so it sees every attempt of a call: it remembers why an attempt failed
    /// and when, and as the next one starts tells the call's listener which attempt it is, why, and how long the SDK
    /// waited. The listener is the caller's (set per call through <see cref="Listener"/>, which flows with the call's
    /// async context); it runs on a pool thread, so the cmdlet queues the text and writes it on its own thread.
    /// </summary>
    internal sealed class RetryObserver : PipelineHandler
    {
        /// <summary>Where the current call's retry messages go; null when nobody listens.</summary>
        public static readonly AsyncLocal<Action<string>?> Listener = new();

        private sealed class LastFailure
        {
            public string Reason = "";
            public Stopwatch Since = new();
        }

        private static readonly ConditionalWeakTable<IRequestContext, LastFailure> Failures = new();

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
            if (request.Retries == 0 || Listener.Value is not { } listener || !Failures.TryGetValue(request, out var last))
            {
                return;
            }
            var attempts = request.ClientConfig.MaxErrorRetry + 1;
            var operation = (request.OriginalRequest as OperationRequest)?.Operation.Name ?? request.RequestName;
            listener($"{operation}: attempt {request.Retries + 1} of at most {attempts}, " +
                $"{last.Since.Elapsed.TotalSeconds:0.0#} s after attempt {request.Retries} failed: {last.Reason}");
        }

        private static void Failed(IExecutionContext context, Exception error)
        {
            var last = Failures.GetValue(context.RequestContext, _ => new LastFailure());
            last.Reason = Reason(error);
            last.Since.Restart();
        }

        private static string Reason(Exception error) => error switch
        {
            AmazonServiceException service when service.StatusCode != 0 =>
                $"{service.ErrorCode ?? "an error"} ({(int)service.StatusCode}){(string.IsNullOrEmpty(service.Message) ? "" : ": " + service.Message.TrimEnd('.'))}",
            _ => (error.InnerException ?? error).Message.TrimEnd('.'),
        };
    }
}
