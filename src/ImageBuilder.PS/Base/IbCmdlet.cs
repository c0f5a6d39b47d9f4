using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Protocol;
using ImageBuilder.PS.Validation;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// The base of every cmdlet that calls AWS: connection parameters, the reused client, cancellation on Ctrl+C,
    /// input checks from the model, error records, and paging. A cmdlet class holds its own parameters and the call
    /// it makes; everything else is here.
    /// </summary>
    public abstract partial class IbCmdlet : PSCmdlet, IDisposable
    {
        private static readonly ConcurrentDictionary<Type, Dictionary<string, string>> ParameterNamesByType = new();
        private readonly CancellationTokenSource _cancel = new();
        private CallSender? _sender;
        private CommandConnection? _connection;
        private PagedOutput? _paged;

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

        /// <summary>
        /// The service's resolved connection (its region, endpoint and credential source); settings that cannot work
        /// end the command with an error that names the parameter or the setting.
        /// </summary>
        internal ResolvedConnection ConnectionFor(ServiceBinding binding)
        {
            try
            {
                return Connection.Resolve(binding);
            }
            catch (ConnectionException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, e.ParameterName is null ? "ConnectionSettingsInvalid" : "ParameterInvalid",
                    ErrorCategory.InvalidArgument, e.ParameterName));
                throw; // not reached
            }
        }

        /// <summary>The client for a service, reused across calls and cmdlets of this session with the same settings.</summary>
        protected internal ServiceClient ClientFor(ServiceBinding binding)
        {
            var connection = ConnectionFor(binding);
            ServiceClient client;
            bool created;
            try
            {
                client = Connection.Client(binding, out created);
            }
            catch (Exception e) when (SdkFailures.IsClientFailure(e))
            {
                // The SDK refuses some settings only when the client is made (a region it cannot use, say).
                ThrowTerminatingError(new ErrorRecord(e, "ConnectionSettingsInvalid", ErrorCategory.InvalidArgument, connection.Region));
                throw; // not reached
            }
            if (created)
            {
                var endpoint = connection.EndpointUrl is null ? $"its {connection.Region} endpoint" : $"{connection.EndpointUrl} (from {connection.EndpointSource})";
                Verbose($"{binding.Service.ServiceId} calls go to {endpoint}; region {connection.Region} from {connection.RegionSource}; credentials from {connection.CredentialSource}.");
            }
            return client;
        }

        /// <summary>
        /// Checks a request against the model. Each broken rule becomes an error naming the parameter; nothing is
        /// sent for a request that fails.
        /// </summary>
        protected internal bool Validate(IAwsStructure input, object? target)
        {
            KnownValues.MatchCase(input);
            var violations = RequestValidator.Validate(input);
            if (violations.Count == 0)
            {
                return true;
            }
            foreach (var violation in violations)
            {
                var parameter = ParameterFor(violation.Member);
                var subject = violation.Path == violation.Member.WireName ? "" : $" ({violation.Path})";
                var shown = violation.Value is null || violation.Value is ICollection || violation.Value is IAwsStructure ? "" : " " + Shown(violation.Value);
                var message = violation.Value is null && violation.Rule == "is required"
                    ? $"-{parameter}{subject} is required."
                    : $"The value{shown} of -{parameter}{subject} is not valid: it {violation.Rule}.{ArnHints.For(violation, MyInvocation.MyCommand.Name, InvokeCommand)}";
                WriteError(ErrorRecords.InvalidInput(violation.Value is null ? "ParameterRequired" : "ParameterValueInvalid", message, target ?? violation.Value));
            }
            return false;
        }

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

        /// <summary>The longest value an error shows whole; a longer one is shown by its start and its length.</summary>
        private const int ShownLength = 200;

        /// <summary>
        /// A value as an error shows it: quoted, and for a long one (a 10,000-character name, a document in the wrong
        /// parameter) only its start and the user's own length, so the rule in the message can still be seen.
        /// </summary>
        private static string Shown(object? value)
        {
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            return text.Length <= ShownLength ? $"'{text}'" : $"'{text.Substring(0, ShownLength)}...' ({text.Length:N0} characters)";
        }

        /// <summary>
        /// Calls an operation and waits on the pipeline thread (Ctrl+C cancels at once). A service error is written
        /// as a non-terminating error for <paramref name="target"/> and gives null, so a pipeline goes on.
        /// </summary>
        protected TResponse? Call<TRequest, TResponse>(OperationDef<TRequest, TResponse> operation, TRequest input, object? target)
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

        /// <summary><see cref="CallSender.TrySend"/> with what -Verbose and -Debug show about it.</summary>
        internal IAwsStructure? TracedSend(OperationDef operation, IAwsStructure? input, object? target, out CallFailure? failure)
        {
            Verbose($"{operation.Service?.ServiceId} {operation.Name}{(target is null ? "" : " for " + target)}");
            if (input is not null && IsDebugOn())
            {
                Debug($"{operation.Name} input: {Describe(input)}");
            }
            var output = Sender.TrySend(operation, input, target, out failure);
            if (failure is not null)
            {
                // Counted for the -Name checks: a listing that failed says nothing about whether the name exists.
                _failedCalls++;
            }
            (output as Model.Ib.IHoldsLatestVersionReferences)?.CarryLatestVersionReferences();
            if (output is not null && IsDebugOn())
            {
                Debug($"{operation.Name} output: {Describe(output)}");
            }
            return output;
        }

        /// <summary>
        /// Calls a list operation page by page and writes each item as its page arrives. Stops asking for pages
        /// when the pipeline has enough (-First, or Select-Object -First downstream).
        /// </summary>
        /// <param name="keep">An extra filter applied before -Skip and -First (e.g. wildcard names).</param>
        /// <returns>How many items were kept, or -1 when the listing did not run to its end (a call failed, or no more were wanted).</returns>
        protected int WritePages<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target, Func<TItem, bool>? keep = null)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem>
        {
            if (!Paged.WantsMore)
            {
                return -1;
            }
            var failedBefore = _failedCalls;
            var kept = 0;
            foreach (var item in ReadPages(operation, input, target))
            {
                if (keep is null || keep(item))
                {
                    kept++;
                    if (!Paged.Write(item!))
                    {
                        return kept;
                    }
                }
            }
            return _failedCalls == failedBefore ? kept : -1;
        }

        /// <summary>-Skip, -First and -IncludeTotalCount over everything this invocation writes.</summary>
        private protected PagedOutput Paged => _paged ??= new PagedOutput(this);

        protected override void EndProcessing()
        {
            _paged?.Complete();
            base.EndProcessing();
        }

        /// <summary>
        /// The items of a list operation, page by page: the next page is asked for only when the caller has
        /// taken every item of the one before. A service error ends the items after it is written.
        /// </summary>
        protected IEnumerable<TItem> ReadPages<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem>
        {
            foreach (var page in ReadPageResponses(operation, input, target))
            {
                if (page.Items is { } items)
                {
                    foreach (var item in items)
                    {
                        yield return item;
                    }
                }
            }
        }

        /// <summary>
        /// The responses of a list operation, one per page, for callers that need what a page says besides its
        /// items; the next page is asked for only when the caller moves on. A service error ends them after it is
        /// written.
        /// </summary>
        protected IEnumerable<TResponse> ReadPageResponses<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem>
        {
            string? token = null;
            long itemsRead = 0;
            var pages = 0;
            do
            {
                input.PageToken = token;
                var output = (TResponse?)TracedSend(operation, input, target, out var failure);
                if (failure is not null)
                {
                    WriteError(pages == 0 ? failure.Record : ErrorRecords.ListIncomplete(failure.Record, operation.Name, itemsRead, target));
                    yield break;
                }
                if (output is null)
                {
                    yield break;
                }
                pages++;
                itemsRead += output.Items?.Count ?? 0;
                yield return output;
                token = output.NextPageToken;
            }
            while (!string.IsNullOrEmpty(token));
        }

        /// <summary>
        /// The build-version ARNs an ARN stands for: itself when it names a build (…/1.0.0/2), every build of a
        /// version (…/1.0.0) listed with <paramref name="listBuilds"/>. Anything else is written as an error that
        /// says what to give instead, and gives nothing.
        /// </summary>
        /// <param name="resourceType">The ARN's resource type: image, component, workflow/build, ...</param>
        /// <param name="listBuilds">The ListXBuildVersions operation, whose input takes a version ARN.</param>
        protected IEnumerable<string> ExpandToBuildVersions<TRequest, TResponse, TItem>(string arn, string resourceType, PagedOperationDef<TRequest, TResponse, TItem> listBuilds)
            where TRequest : class, Model.Ib.IBuildVersionsRequest
            where TResponse : class, IPage<TItem>
            where TItem : IHasArn
        {
            var noun = resourceType.StartsWith("workflow", StringComparison.Ordinal) ? "workflow" : resourceType.Replace('-', ' ');
            if (!Model.Ib.IbArn.TryParse(arn, out var parsed) || parsed.ResourceType != resourceType)
            {
                WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"'{arn}' is not {(noun[0] == 'i' ? "an" : "a")} {noun} ARN. Pipe in the output of the Get- cmdlet, or pass an ARN such as arn:aws:imagebuilder:REGION:ACCOUNT:{resourceType}/NAME/1.0.0/1.", arn));
                yield break;
            }
            if (parsed.IsBuildVersion)
            {
                yield return arn;
                yield break;
            }
            if (!parsed.IsExactVersion)
            {
                WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"'{arn}' names no single version. Give a version (…/1.0.0) or a build version (…/1.0.0/1).", arn));
                yield break;
            }
            var request = listBuilds.NewRequest();
            request.VersionArn = arn;
            int found = 0;
            foreach (var item in ReadPages(listBuilds, request, arn))
            {
                if (item.Arn is { } buildArn)
                {
                    found++;
                    yield return buildArn;
                }
            }
            if (found == 0)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"The {noun} version '{arn}' has no builds."), "BuildVersionNotFound", ErrorCategory.ObjectNotFound, arn));
            }
        }

        /// <summary>
        /// The ARNs to act on for an ARN the service wants as one build: a version ARN of an image, component or
        /// workflow (…/1.0.0, as Get- list forms write) stands for each of its builds; any other ARN for itself.
        /// </summary>
        protected IEnumerable<string> BuildsOrSelf(string arn)
        {
            if (!Model.Ib.IbArn.TryParse(arn, out var parsed) || !parsed.IsExactVersion)
            {
                return new[] { arn };
            }
            IEnumerable<string> Builds<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> listBuilds)
                where TRequest : class, Model.Ib.IBuildVersionsRequest
                where TResponse : class, IPage<TItem>
                where TItem : IHasArn
            {
                Verbose($"{arn} names a version; each of its builds is used.");
                return ExpandToBuildVersions(arn, parsed.ResourceType, listBuilds);
            }
            return parsed.ResourceType switch
            {
                "image" => Builds(Model.Ib.IbOperations.ListImageBuildVersions),
                "component" => Builds(Model.Ib.IbOperations.ListComponentBuildVersions),
                _ when parsed.ResourceType.StartsWith("workflow/", StringComparison.Ordinal) => Builds(Model.Ib.IbOperations.ListWorkflowBuildVersions),
                _ => new[] { arn },
            };
        }

        private bool IsDebugOn() =>
            DebugSwitchGiven || (GetVariableValue("DebugPreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue);

        /// <summary>
        /// A debug message. In PowerShell 7, -Debug on a compiled cmdlet shows debug messages without asking, so they
        /// go to the debug stream (and 5>$null or 5>&1 work). Windows PowerShell asks at each one (Inquire), which
        /// stops a runbook, so there a message under -Debug is shown the way a script's would be.
        /// </summary>
        protected internal void Debug(string message)
        {
            if (DebugSwitchGiven && DebugAsks && Host?.UI is { } ui) ui.WriteDebugLine(message);
            else WriteDebug(message);
        }

        /// <summary>
        /// A verbose message. -Debug on a compiled cmdlet also turns verbose messages on, with a question at each
        /// one (PowerShell's Inquire), unless -Verbose is given too. So under -Debug alone they are left out, or
        /// shown without asking when $VerbosePreference asks for them.
        /// </summary>
        protected internal void Verbose(string message)
        {
            if (!DebugSwitchGiven || VerboseSwitchGiven)
            {
                WriteVerbose(message);
            }
            else if (GetVariableValue("VerbosePreference") is ActionPreference.Continue && Host?.UI is { } ui)
            {
                ui.WriteVerboseLine(message);
            }
        }

        /// <summary>
        /// A warning. -Debug on a compiled cmdlet makes warnings ask too (Inquire), unless -WarningAction is given; so
        /// under -Debug alone a warning is shown the way $WarningPreference would show it, without a question.
        /// </summary>
        protected internal void Warn(string message)
        {
            if (!DebugSwitchGiven || MyInvocation.BoundParameters.ContainsKey("WarningAction"))
            {
                WriteWarning(message);
            }
            else if (GetVariableValue("WarningPreference") is not ActionPreference.SilentlyContinue and not ActionPreference.Ignore && Host?.UI is { } ui)
            {
                ui.WriteWarningLine(message);
            }
        }

        /// <summary>Windows PowerShell (System.Management.Automation 3.0) asks at each debug message under -Debug; PowerShell 7 does not.</summary>
        private static readonly bool DebugAsks = typeof(PSObject).Assembly.GetName().Version.Major < 6;

        private bool VerboseSwitchGiven => SwitchGiven("Verbose");

        private bool DebugSwitchGiven => SwitchGiven("Debug");

        /// <summary>Whether a switch was given and set (-Debug, -Debug:$true), as against absent or -Debug:$false.</summary>
        private bool SwitchGiven(string name) =>
            MyInvocation.BoundParameters.TryGetValue(name, out var bound) && (bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound));

        private static string Describe(IAwsStructure value) =>
            Encoding.UTF8.GetString(JsonBytes.Write(w => JsonShapeWriter.WriteValue(w, value.GetShape(), value, TimestampFormat.Default, redact: true)));

        /// <summary>The parameter that fills a request member: the one marked [ApiMember], else the one of the same name.</summary>
        private string ParameterFor(MemberDef member)
        {
            var map = ParameterNamesByType.GetOrAdd(GetType(), type =>
            {
                var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    foreach (var attribute in property.GetCustomAttributes<ApiMemberAttribute>())
                    {
                        names[attribute.MemberName] = property.Name;
                    }
                    if (property.GetCustomAttributes<ParameterAttribute>().Any() && !names.ContainsKey(property.Name))
                    {
                        names[property.Name] = property.Name;
                    }
                }
                return names;
            });
            return map.TryGetValue(member.WireName, out var name) ? name : member.Name;
        }
    }
}
