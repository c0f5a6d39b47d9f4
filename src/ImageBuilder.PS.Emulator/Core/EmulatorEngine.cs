using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Catalog;
using ImageBuilder.PS.Emulator.Http;
using ImageBuilder.PS.Emulator.Ib;
using ImageBuilder.PS.Emulator.Imports;
using ImageBuilder.PS.Emulator.Lifecycle;
using ImageBuilder.PS.Emulator.Logs;
using ImageBuilder.PS.Emulator.Scans;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Core;

/// <summary>
/// The emulator without its HTTP server: state, clock, faults, the services' operation tables (Image Builder, AppStream, WorkSpaces, CloudWatch Logs) and the
/// machines that move builds, imports and lifecycle executions along. Every call runs through
/// <see cref="Invoke"/> under the state's lock.
/// </summary>
internal sealed class EmulatorEngine
{
    private readonly Action<string> _log;

    public EmulatorEngine(EmulatorSettings settings, Action<string>? log = null)
    {
        _log = log ?? (_ => { });
        State = new EmulatorState(settings);
        Builds = new BuildMachine(State);
        Imports = new ImportMachine(State);
        Lifecycle = new LifecycleEngine(State);
        Planner = new BuildPlanner(State);
        var factory = new ImageFactory(State, Builds, Planner);
        Scheduler = new PipelineScheduler(State, factory);

        ImageBuilder = new OperationTable(IbOperations.Service);
        new ComponentOperations(State).Register(ImageBuilder);
        new RecipeOperations(State).Register(ImageBuilder);
        new ConfigurationOperations(State).Register(ImageBuilder);
        new PipelineOperations(State, factory).Register(ImageBuilder);
        new ImageOperations(State, factory).Register(ImageBuilder);
        new ImageBuildOperations(State, factory, Builds).Register(ImageBuilder);
        new WorkflowOperations(State).Register(ImageBuilder);
        new WorkflowExecutionOperations(State, Builds).Register(ImageBuilder);
        new ScanOperations(State).Register(ImageBuilder);
        new LifecycleOperations(State, Lifecycle).Register(ImageBuilder);
        new TagOperations(State).Register(ImageBuilder);
        new MarketplaceOperations(State).Register(ImageBuilder);

        _appStream = new AppStreamOperations(State);
        AppStream = new OperationTable(Model.AppStream.AppStreamOperations.Service);
        _appStream.Register(AppStream);
        WorkSpaces = new OperationTable(Model.WorkSpaces.WorkSpacesOperations.Service);
        new WorkSpacesOperations(State).Register(WorkSpaces);
        Logs = new OperationTable(Model.Logs.LogsOperations.Service);
        new LogsOperations(State).Register(Logs);

        ResetState();
    }

    private readonly AppStreamOperations _appStream;

    public EmulatorState State { get; }
    public EmulatorClock Clock { get; } = new();
    public FaultInjector Faults { get; } = new();
    public BuildMachine Builds { get; }
    public ImportMachine Imports { get; }
    public LifecycleEngine Lifecycle { get; }
    public BuildPlanner Planner { get; }
    public PipelineScheduler Scheduler { get; }
    public OperationTable ImageBuilder { get; }
    public OperationTable AppStream { get; }
    public OperationTable WorkSpaces { get; }
    public OperationTable Logs { get; }

    public void Log(string message) => _log(message);

    private static bool IsRead(string operation) =>
        operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal) || operation.StartsWith("Describe", StringComparison.Ordinal);

    public OperationTable? ForTargetPrefix(string prefix) => prefix switch
    {
        "PhotonAdminProxyService" => AppStream,
        "WorkspacesService" => WorkSpaces,
        "Logs_20140328" => Logs,
        _ => null,
    };

    /// <summary>Back to the state of a fresh emulator: Amazon's resources only, real-time clock, no faults.</summary>
    public void Reset()
    {
        Faults.Clear();
        Clock.Reset();
        lock (State.Sync)
        {
            ResetState();
        }
    }

    private void ResetState()
    {
        State.Clear();
        AmazonCatalog.Seed(State);
        _appStream.Seed();
        State.LastLifecycleRun = Clock.Now;
    }

    /// <summary>Brings builds, imports and lifecycle executions up to the clock. Callers hold the lock.</summary>
    public DateTime AdvanceLocked()
    {
        var now = Clock.Now;
        bool scheduled = Scheduler.Advance(now);
        bool builds = Builds.Advance(now);
        bool imports = Imports.Advance(now);
        bool lifecycle = Lifecycle.Advance(now);
        if (scheduled || builds || imports || lifecycle)
        {
            State.Changes++;
        }
        return now;
    }

    /// <summary>Runs one call: idempotency, the handler, the response, all under the lock.</summary>
    public WireResponse Invoke(OperationTable table, OperationDef operation, IAwsStructure input, string requestId)
    {
        if (!table.TryGet(operation.Name, out var handler))
        {
            throw ServiceError.UnknownOperation($"The emulator does not implement {operation.Name}.", 400);
        }
        var tokenMember = input.GetShape().Members.FirstOrDefault(m => m.IsIdempotencyToken);
        var token = tokenMember is null ? null : input.GetMember(tokenMember.Index) as string;
        var fingerprint = token is null ? null : ResponseWriter.Fingerprint(input);
        var scope = ResponseWriter.PagingScope(operation.Name, input);
        lock (State.Sync)
        {
            var now = AdvanceLocked();
            var key = table.Service.ServiceId + ":" + operation.Name;
            State.Calls[key] = State.Calls.TryGetValue(key, out var calls) ? calls + 1 : 1;
            if (token is not null && State.Idempotency.Find(table.Service.ServiceId + ":" + operation.Name, token, fingerprint!) is { } remembered)
            {
                return new WireResponse(remembered.Status, remembered.Body, ResponseWriter.Success(table.Service, operation, null).ContentType);
            }
            var call = new CallContext(operation.Name, requestId, now, State.Settings.Account, State.Settings.Region) { PagingScope = scope };
            var output = handler(input, call);
            if (output?.GetShape().FindMember("requestId") is { } requestIdMember && output.GetMember(requestIdMember.Index) is null)
            {
                output.SetMember(requestIdMember.Index, requestId);
            }
            var response = ResponseWriter.Success(table.Service, operation, output);
            if (!IsRead(operation.Name))
            {
                State.Changes++;
            }
            if (token is not null)
            {
                State.Idempotency.Remember(table.Service.ServiceId + ":" + operation.Name, token, new IdempotencyCache.Remembered(fingerprint!, response.Status, response.Body));
            }
            return response;
        }
    }
}
