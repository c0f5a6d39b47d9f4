using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Imports;
using ImageBuilder.PS.Emulator.Lifecycle;
using ImageBuilder.PS.Emulator.Logs;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.State;

/// <summary>
/// Everything the emulator holds. One lock (<see cref="Sync"/>) guards all of it: every call runs its handler
/// under it, so concurrent clients see each call whole, and nothing is lost or duplicated. Calls are short
/// in-memory work, so one lock serves many clients well.
/// </summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorSettings settings)
    {
        Settings = settings;
        Arns = new ArnBuilder(settings.Partition, settings.Region, settings.Account);
    }

    public object Sync { get; } = new();
    public EmulatorSettings Settings { get; }
    public ArnBuilder Arns { get; }

    public ResourceStore<Component> Components { get; } = new();
    public ResourceStore<ImageRecipe> ImageRecipes { get; } = new();
    public ResourceStore<ContainerRecipe> ContainerRecipes { get; } = new();
    public ResourceStore<InfrastructureConfiguration> InfrastructureConfigurations { get; } = new();
    public ResourceStore<DistributionConfiguration> DistributionConfigurations { get; } = new();
    public ResourceStore<ImagePipeline> Pipelines { get; } = new();
    public ResourceStore<Image> Images { get; } = new();
    public ResourceStore<Workflow> Workflows { get; } = new();
    public ResourceStore<LifecyclePolicy> LifecyclePolicies { get; } = new();

    /// <summary>Builds not yet finished, by image build version ARN.</summary>
    public Dictionary<string, BuildRun> ActiveBuilds { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, WorkflowExecutionRecord> WorkflowExecutions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<WorkflowExecutionRecord>> WorkflowExecutionsByImage { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, StepExecutionRecord> StepExecutions { get; } = new(StringComparer.Ordinal);

    /// <summary>All scan findings in the order they were produced, and the same findings per image.</summary>
    public List<ImageScanFinding> Findings { get; } = new();
    public Dictionary<string, List<ImageScanFinding>> FindingsByImage { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LifecycleExecutionRecord> LifecycleExecutions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AppStreamImageRecord> AppStreamImages { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, WorkSpacesImageRecord> WorkSpacesImages { get; } = new(StringComparer.Ordinal);

    /// <summary>CloudWatch Logs: the build and pipeline logs, and any groups clients create.</summary>
    public LogStore Logs { get; } = new();

    public IdempotencyCache Idempotency { get; } = new();
    public ListingCache Listings { get; } = new();

    /// <summary>The rows of a listing, computed once per state of the emulator (see <see cref="ListingCache"/>).</summary>
    public List<T> Listing<T>(string scope, Func<IEnumerable<T>> compute) => Listings.Get(scope, Changes, () => compute().ToList());
    public List<ArrangedFailure> ArrangedFailures { get; } = new();

    /// <summary>When lifecycle policies last ran on their own (they run once a day of emulator time).</summary>
    public DateTime LastLifecycleRun { get; set; }

    /// <summary>Counts changes, so persistence knows when there is something new to save.</summary>
    public long Changes { get; set; }

    /// <summary>
    /// How many calls of each operation ("imagebuilder:CreateComponent") reached the handlers since the last reset, for
    /// tests that prove a command made no create or update call. Not saved with the state.
    /// </summary>
    public Dictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    private long _sequence;

    public long NextSequence() => ++_sequence;

    /// <summary>Takes one arranged failure for a build or import about to start, if any is waiting.</summary>
    public ArrangedFailure? ClaimFailure(FailureTarget target)
    {
        for (int i = 0; i < ArrangedFailures.Count; i++)
        {
            var failure = ArrangedFailures[i];
            if (failure.Target != target)
            {
                continue;
            }
            if (failure.Count <= 1)
            {
                ArrangedFailures.RemoveAt(i);
            }
            else
            {
                ArrangedFailures[i] = new ArrangedFailure { Target = failure.Target, Stage = failure.Stage, Reason = failure.Reason, Step = failure.Step, Count = failure.Count - 1 };
            }
            return failure;
        }
        return null;
    }

    public void Clear()
    {
        Components.Clear();
        ImageRecipes.Clear();
        ContainerRecipes.Clear();
        InfrastructureConfigurations.Clear();
        DistributionConfigurations.Clear();
        Pipelines.Clear();
        Images.Clear();
        Workflows.Clear();
        LifecyclePolicies.Clear();
        ActiveBuilds.Clear();
        WorkflowExecutions.Clear();
        WorkflowExecutionsByImage.Clear();
        StepExecutions.Clear();
        Findings.Clear();
        FindingsByImage.Clear();
        LifecycleExecutions.Clear();
        AppStreamImages.Clear();
        WorkSpacesImages.Clear();
        Logs.Clear();
        Idempotency.Clear();
        Listings.Clear();
        ArrangedFailures.Clear();
        Calls.Clear();
        _sequence = 0;
    }
}
