using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// The base of every cmdlet that calls AWS: connection parameters, the reused client, cancellation on Ctrl+C,
    /// input checks from the model, error records, and paging. A cmdlet class holds its own parameters and the call
    /// it makes; everything else is here.
    /// </summary>
    public abstract partial class IbCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancel = new();
        private CallSender? _sender;
        private CommandConnection? _connection;
        private PagedOutput? _paged;
        private PageReader? _pages;

        /// <summary>Calls that ended in an error written for them, so a listing can tell "nothing there" from "could not look".</summary>
        private int _failedCalls;

        internal int FailedCalls => _failedCalls;

        /// <summary>The AWS region to call (e.g. us-east-1).</summary>
        [Parameter]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>A profile from the shared credentials or config file.</summary>
        [Parameter]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ArgumentCompleter(typeof(Completion.ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        /// <summary>The credentials file to read profiles from, instead of the default one.</summary>
        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string? ProfileLocation { get; set; }

        [Parameter]
        [Alias("AK")]
        public string? AccessKey { get; set; }

        [Parameter]
        [Alias("SK", "SecretAccessKey")]
        public string? SecretKey { get; set; }

        [Parameter]
        [Alias("ST")]
        public string? SessionToken { get; set; }

        /// <summary>A custom endpoint, such as the local emulator.</summary>
        [Parameter]
        [Alias("ServiceUrl")]
        public string? EndpointUrl { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C (or the pipeline is stopped).</summary>
        protected internal CancellationToken Cancellation => _cancel.Token;

        private CallSender Sender => _sender ??= new CallSender(this, _cancel.Token);

        protected override void StopProcessing() => _cancel.Cancel();

        public void Dispose()
        {
            _cancel.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Where and as whom this command calls, settled once from its parameters and the session.</summary>
        private protected CommandConnection Connection => _connection ??= new CommandConnection(new ConnectionOptions
        {
            AccessKey = AccessKey,
            SecretKey = SecretKey,
            SessionToken = SessionToken,
            ProfileName = ProfileName,
            ProfileLocation = ProfileLocation,
            Region = Region,
            EndpointUrl = EndpointUrl,
        }, GetVariableValue);

        /// <summary>The service's resolved connection; settings that cannot work end the command (<see cref="CommandConnection.ResolveOrStop"/>).</summary>
        internal ResolvedConnection ConnectionFor(ServiceBinding binding) => Connection.ResolveOrStop(this, binding);

        /// <summary>The client for a service, reused across calls and cmdlets of this session with the same settings.</summary>
        protected internal ServiceClient ClientFor(ServiceBinding binding) => Connection.ClientOrStop(this, binding);

        /// <summary>
        /// Checks a request against the model (<see cref="RequestChecks"/>): each broken rule becomes an error naming
        /// the parameter; nothing is sent for a request that fails.
        /// </summary>
        protected internal bool Validate(IAwsStructure input, object? target) => new RequestChecks(this).Validate(input, target);

        /// <summary>
        /// <see cref="Validate(IAwsStructure, object?)"/> for a List request whose filters <paramref name="filters"/>
        /// built: a filter given twice (which the service would join with OR) is refused first, naming the parameters.
        /// </summary>
        private protected bool Validate(IAwsStructure input, object? target, ListFilters filters)
        {
            if (filters.Refusal is { } refusal)
            {
                WriteError(ErrorRecords.InvalidInput("FilterRepeated", refusal, target ?? filters.RefusedFilter));
                return false;
            }
            return Validate(input, target);
        }

        /// <summary>Publishes a versioned definition idempotently (<see cref="DefinitionPublisher.Publish{TResource}"/>).</summary>
        private protected void Publish<TResource>(Publication<TResource> p) where TResource : class => new DefinitionPublisher(this).Publish(p);

        /// <summary>
        /// Calls an operation and waits on the pipeline thread (Ctrl+C cancels at once). A service error is written
        /// as a non-terminating error for <paramref name="target"/> and gives null, so a pipeline goes on.
        /// </summary>
        protected internal TResponse? Call<TRequest, TResponse>(OperationDef<TRequest, TResponse> operation, TRequest input, object? target)
            where TRequest : class, IAwsStructure
            where TResponse : class, IAwsStructure
        {
            var output = TracedSend(operation, input, target, out var failure);
            if (failure is not null)
            {
                WriteError(failure.Record);
            }
            return (TResponse?)output;
        }

        /// <summary><see cref="TracedSend"/> typed by the operation, for a caller that handles the failure itself.</summary>
        private protected TResponse? TracedCall<TRequest, TResponse>(OperationDef<TRequest, TResponse> operation, TRequest input, object? target, out CallFailure? failure)
            where TRequest : class, IAwsStructure
            where TResponse : class, IAwsStructure =>
            (TResponse?)TracedSend(operation, input, target, out failure);

        /// <summary><see cref="TrySend"/> typed by the operation: its answer without a cast.</summary>
        internal TResponse? TryCall<TRequest, TResponse>(OperationDef<TRequest, TResponse> operation, TRequest input, object? target, out CallFailure? failure)
            where TRequest : class, IAwsStructure
            where TResponse : class, IAwsStructure =>
            (TResponse?)Sender.TrySend(operation, input, target, out failure);

        /// <summary><see cref="CallSender.Traced"/>: the call with what -Verbose and -Debug show about it.</summary>
        internal IAwsStructure? TracedSend(OperationDef operation, IAwsStructure? input, object? target, out CallFailure? failure)
        {
            using var call = BeginSend(operation, input, target);
            return EndSend(call, out failure);
        }

        /// <summary>A traced call started, not waited for (<see cref="CallSender.Begin"/>): a listing's next page.</summary>
        internal PendingCall BeginSend(OperationDef operation, IAwsStructure? input, object? target) => Sender.Begin(operation, input, target, traced: true);

        /// <summary>Waits for a call <see cref="BeginSend"/> started (<see cref="CallSender.End"/>).</summary>
        internal IAwsStructure? EndSend(PendingCall call, out CallFailure? failure)
        {
            var output = Sender.End(call, out failure);
            if (failure is not null)
            {
                // Counted for the -Name checks: a listing that failed says nothing about whether the name exists.
                _failedCalls++;
            }
            return output;
        }

        /// <summary>Writes a listing's items as their pages arrive (<see cref="PageReader.Write"/>); how many were kept, or -1.</summary>
        protected int WritePages<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target, Func<TItem, bool>? keep = null)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem> => Pages.Write(operation, input, target, keep);

        /// <summary>A listing's items, the next page read when they are used up (<see cref="PageReader.Items"/>).</summary>
        protected internal IEnumerable<TItem> ReadPages<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem> => Pages.Items(operation, input, target);

        /// <summary>A listing's pages, for callers that need what a page says besides its items (<see cref="PageReader.Responses"/>).</summary>
        protected IEnumerable<TResponse> ReadPageResponses<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem> => Pages.Responses(operation, input, target);

        /// <summary><see cref="WritePages"/>, and a -Name without wildcards that matches nothing is an error (<see cref="PageReader.WriteNamed"/>).</summary>
        protected void WriteNamedPages<TRequest, TResponse, TItem>(string noun, string? name, PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target, Func<TItem, bool>? keep)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem> => Pages.WriteNamed(noun, name, operation, input, target, keep);

        /// <summary>The ObjectNotFound error for a name that matched nothing (<see cref="PageReader.NameNotFound"/>).</summary>
        protected void WriteNameNotFound(string noun, string? name) => Pages.NameNotFound(noun, name);

        private PageReader Pages => _pages ??= new PageReader(this);

        /// <summary>-Skip, -First and -IncludeTotalCount over everything this invocation writes.</summary>
        internal PagedOutput Paged => _paged ??= new PagedOutput(this);

        protected override void EndProcessing()
        {
            _paged?.Complete();
            base.EndProcessing();
        }

        /// <summary>The build-version ARNs an ARN stands for (<see cref="BuildVersions.Expand"/>).</summary>
        protected IEnumerable<string> ExpandToBuildVersions<TRequest, TResponse, TItem>(string arn, string resourceType, PagedOperationDef<TRequest, TResponse, TItem> listBuilds)
            where TRequest : class, Model.Ib.IBuildVersionsRequest
            where TResponse : class, IPage<TItem>
            where TItem : IHasArn => new BuildVersions(this).Expand(arn, resourceType, listBuilds);

        /// <summary>The ARNs to act on for an ARN the service wants as one build (<see cref="BuildVersions.OrSelf"/>).</summary>
        protected IEnumerable<string> BuildsOrSelf(string arn) => new BuildVersions(this).OrSelf(arn);

        /// <summary>Messages as <see cref="CmdletStreams"/> writes them: -Debug never makes them ask.</summary>
        protected internal void Debug(string message) => CmdletStreams.Debug(this, message);

        protected internal void Verbose(string message) => CmdletStreams.Verbose(this, message);

        protected internal void Warn(string message) => CmdletStreams.Warn(this, message);

        private bool IsDebugOn() => CmdletStreams.IsDebugOn(this);


    }
}
