using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// One call on its way: started by <see cref="CallSender.Begin"/> on the pipeline thread, running on the thread
    /// pool (credentials, then the request, in one hop), and waited for by <see cref="CallSender.End"/>. Between the
    /// two the pipeline thread is free, which is how a listing asks for its next page while it writes this one.
    /// Disposing a call that was not waited for cancels it.
    /// </summary>
    internal sealed class PendingCall : IDisposable
    {
        private volatile bool _credentialsReady;

        public PendingCall(OperationDef operation, IAwsStructure? input, object? target, ServiceBinding binding, ServiceClient client, CancellationToken cancel, bool debug)
        {
            Operation = operation;
            Input = input;
            Target = target;
            Binding = binding;
            Client = client;
            Debug = debug;
            Limit = client.CallTimeout;
            Deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            Deadline.CancelAfter(Limit);
            Watch = Stopwatch.StartNew();
            // On the thread pool: whatever part of the SDK blocks before its first await cannot hold the pipeline thread.
            Task = System.Threading.Tasks.Task.Run(RunAsync);
        }

        public OperationDef Operation { get; }
        public IAwsStructure? Input { get; }
        public object? Target { get; }
        public ServiceBinding Binding { get; }
        public ServiceClient Client { get; }
        /// <summary>Whether -Debug was on when the call began (read once per call: it is a session-variable lookup).</summary>
        public bool Debug { get; }
        public TimeSpan Limit { get; }
        /// <summary>Ctrl+C or the call's time limit, whichever comes first.</summary>
        public CancellationTokenSource Deadline { get; }
        public Stopwatch Watch { get; }
        /// <summary>Retries told from the pool thread, written to -Verbose on the pipeline thread while the call is waited for.</summary>
        public ConcurrentQueue<string> Retries { get; } = new();
        public Task<IAwsStructure?> Task { get; }

        /// <summary>False while the credentials are still being got: a time-out then is theirs, not the service's.</summary>
        public bool CredentialsReady => _credentialsReady;

        private async Task<IAwsStructure?> RunAsync()
        {
            // The credentials first, so that a source that fails or stays silent (STS, SSO, a credential process) is
            // reported as what it is, naming the profile and the mechanism, instead of as the service not answering.
            try
            {
                await Client.ResolveCredentialsAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (!Deadline.IsCancellationRequested)
            {
                throw new CredentialsFailedException(e);
            }
            _credentialsReady = true;
            return await Client.CallAsync(Operation, Input, Deadline.Token, Retries.Enqueue).ConfigureAwait(false);
        }

        /// <summary>
        /// Done with the call: when it has not ended (abandoned at its deadline, or a prefetched page nobody wants),
        /// it is cancelled, and its failure observed so it is never reported later as unobserved.
        /// </summary>
        public void Dispose()
        {
            if (Task.IsCompleted)
            {
                Deadline.Dispose();
                return;
            }
            Deadline.Cancel();
            Task.ContinueWith(t => { _ = t.Exception; Deadline.Dispose(); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Getting the call's credentials failed (not timed out): the call was never sent.</summary>
    internal sealed class CredentialsFailedException : Exception
    {
        public CredentialsFailedException(Exception inner) : base(inner.Message, inner) { }
    }
}
