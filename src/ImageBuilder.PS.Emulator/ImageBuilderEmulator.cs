using ImageBuilder.PS.Emulator.Control;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Hosting;
using ImageBuilder.PS.Emulator.Http;
using ImageBuilder.PS.Emulator.Persistence;
using ImageBuilder.PS.Emulator.State;

namespace ImageBuilder.PS.Emulator;

/// <summary>
/// A local EC2 Image Builder, AppStream and WorkSpaces image-import service, with the CloudWatch Logs its builds
/// write to, on a loopback port. Point any AWS client
/// at <see cref="Url"/> (any credentials; region as you like). The control methods here have HTTP twins under
/// <c>/_emulator/</c> for clients in other processes.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await ImageBuilderEmulator.StartAsync();
/// emulator.SetClock(ClockMode.Stepped);
/// // ... call emulator.Url with the module or an SDK ...
/// emulator.AdvanceClock(TimeSpan.FromSeconds(2)); // one build status further
/// </code>
/// </example>
public sealed class ImageBuilderEmulator : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(5);
    private readonly LoopbackListener _listener;
    private readonly EmulatorEngine _engine;
    private readonly EmulatorOptions _options;
    private readonly Timer? _saveTimer;
    private long _savedChanges = -1;
    private int _disposed;

    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ImageBuilderEmulator(LoopbackListener listener, EmulatorEngine engine, EmulatorOptions options, RequestDispatcher dispatcher)
    {
        dispatcher.Control.Attach(this);
        _listener = listener;
        _engine = engine;
        _options = options;
        Url = listener.Url;
        if (options.StateFile is not null)
        {
            _saveTimer = new Timer(_ => SaveIfChanged(), null, SaveInterval, SaveInterval);
        }
    }

    /// <summary>The base URL clients use, e.g. http://127.0.0.1:54321 (no trailing slash).</summary>
    public string Url { get; }

    /// <summary>The account id in every ARN.</summary>
    public string AccountId => _engine.State.Settings.Account;

    /// <summary>The region in every ARN.</summary>
    public string Region => _engine.State.Settings.Region;

    /// <summary>The emulator's current time (UTC).</summary>
    public DateTime Now => _engine.Clock.Now;

    /// <summary>How long each build or import status lasts on the emulator's clock.</summary>
    public TimeSpan StageDuration => _engine.State.Settings.StageDuration;

    /// <summary>Starts an emulator and waits until it listens.</summary>
    public static Task<ImageBuilderEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var engine = new EmulatorEngine(new EmulatorSettings
        {
            Account = options.AccountId,
            Region = options.Region,
            StageDuration = options.StageDuration,
            FindingsPerScannedImage = options.FindingsPerScannedImage,
        }, options.Log);
        engine.Clock.Set(options.ClockMode, options.ClockScale);
        if (options.StateFile is not null && File.Exists(options.StateFile))
        {
            lock (engine.State.Sync)
            {
                StateFile.Load(engine.State, options.StateFile, engine.Builds, engine.Planner, engine.Clock.Now);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var dispatcher = new RequestDispatcher(engine);
        var listener = LoopbackListener.Start(options.Url, dispatcher.HandleAsync, engine.Log);
        return Task.FromResult(new ImageBuilderEmulator(listener, engine, options, dispatcher));
    }

    /// <summary>Starts an emulator and waits until it listens (blocking form of <see cref="StartAsync"/>).</summary>
    public static ImageBuilderEmulator Start(EmulatorOptions? options = null) => StartAsync(options).GetAwaiter().GetResult();

    /// <summary>Back to a fresh emulator: Amazon's resources only, real-time clock, no faults or arranged failures.</summary>
    public void Reset()
    {
        _engine.Reset();
        Changed();
    }

    /// <summary>Sets the clock: real time, scaled by a factor, or stepped (standing still until <see cref="AdvanceClock"/>).</summary>
    public void SetClock(ClockMode mode, double scale = 1) => _engine.Clock.Set(mode, scale);

    /// <summary>The clock's mode.</summary>
    public ClockMode ClockMode => _engine.Clock.Mode;

    /// <summary>Moves the clock forward and lets builds, imports and lifecycle executions catch up; returns the new time.</summary>
    public DateTime AdvanceClock(TimeSpan by)
    {
        var now = _engine.Clock.Advance(by);
        lock (_engine.State.Sync)
        {
            _engine.AdvanceLocked();
        }
        return now;
    }

    /// <summary>
    /// Moves the clock one build stage at a time until the image build <paramref name="imageBuildVersionArn"/> has
    /// the status <paramref name="status"/>; stops early, returning the status reached, when the build ends in
    /// another final status or after <paramref name="maxStages"/> stages.
    /// </summary>
    public string AdvanceUntil(string imageBuildVersionArn, string status, int maxStages = 200)
    {
        ArgumentException.ThrowIfNullOrEmpty(imageBuildVersionArn);
        ArgumentException.ThrowIfNullOrEmpty(status);
        if (maxStages < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxStages), maxStages, "Move the clock by one stage at least.");
        }
        string Current()
        {
            lock (_engine.State.Sync)
            {
                var image = _engine.State.Images.Get(imageBuildVersionArn)
                    ?? throw ServiceError.NotFound($"The emulator holds no image build {imageBuildVersionArn} (give the build version ARN, ending in /<build number>).");
                return image.Value.State?.Status ?? "";
            }
        }
        var reached = Current();
        for (int stage = 0; stage < maxStages && !string.Equals(reached, status, StringComparison.OrdinalIgnoreCase) && !IsFinal(reached); stage++)
        {
            AdvanceClock(StageDuration);
            reached = Current();
        }
        return reached;
    }

    private static bool IsFinal(string status) => status is "AVAILABLE" or "FAILED" or "CANCELLED" or "DEPRECATED" or "DISABLED" or "DELETED";

    /// <summary>Adds a fault for matching calls (throttling, 5xx, slow answers, dropped connections).</summary>
    public void AddFault(FaultRule rule) => _engine.Faults.Add(rule ?? throw new ArgumentNullException(nameof(rule)));

    /// <summary>Removes every fault.</summary>
    public void ClearFaults() => _engine.Faults.Clear();

    /// <summary>Makes the next build(s) or import(s) of a kind fail on reaching a stage.</summary>
    public void ArrangeFailure(ArrangedFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(failure), failure.Count, "An arranged failure applies to at least one build or import.");
        }
        lock (_engine.State.Sync)
        {
            _engine.State.ArrangedFailures.Add(failure);
        }
    }

    /// <summary>Adds <paramref name="count"/> available images (versions of one image name) at once; returns their build version ARNs.</summary>
    public IReadOnlyList<string> SeedImages(int count, string name = "seeded-image")
    {
        lock (_engine.State.Sync)
        {
            var arns = VolumeSeeder.Images(_engine.State, count, name, _engine.Clock.Now);
            _engine.State.Changes++;
            return arns;
        }
    }

    /// <summary>Adds <paramref name="count"/> scan findings to an existing image; returns how many it has now.</summary>
    public int SeedScanFindings(string imageBuildVersionArn, int count)
    {
        lock (_engine.State.Sync)
        {
            var total = VolumeSeeder.Findings(_engine.State, imageBuildVersionArn, count, _engine.Clock.Now);
            _engine.State.Changes++;
            return total;
        }
    }

    /// <summary>Runs every enabled lifecycle policy now (they also run once a day of emulator time); returns the execution ids.</summary>
    public IReadOnlyList<string> RunLifecyclePolicies()
    {
        lock (_engine.State.Sync)
        {
            var now = _engine.AdvanceLocked();
            var ids = _engine.Lifecycle.RunPolicies(now);
            _engine.State.Changes++;
            return ids;
        }
    }

    /// <summary>Writes the state file now (when <see cref="EmulatorOptions.StateFile"/> is set); returns its path, or null.</summary>
    public string? SaveState()
    {
        if (_options.StateFile is null)
        {
            return null;
        }
        long changes;
        lock (_engine.State.Sync)
        {
            changes = _engine.State.Changes;
        }
        StateFile.Save(_engine.State, _options.StateFile);
        Interlocked.Exchange(ref _savedChanges, changes);
        return Path.GetFullPath(_options.StateFile);
    }

    internal EmulatorEngine Engine => _engine;

    /// <summary>Completes when the emulator stops (for the standalone program).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _stopped.Task.WaitAsync(cancellationToken);

    /// <summary>Stops listening, saving the state file first when one is set.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        if (_saveTimer is not null)
        {
            await _saveTimer.DisposeAsync().ConfigureAwait(false);
            SaveIfChanged();
        }
        await _listener.DisposeAsync().ConfigureAwait(false);
        _stopped.TrySetResult();
    }

    /// <summary>Stops listening (blocking form of <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Changed()
    {
        lock (_engine.State.Sync)
        {
            _engine.State.Changes++;
        }
    }

    private void SaveIfChanged()
    {
        try
        {
            long changes;
            lock (_engine.State.Sync)
            {
                changes = _engine.State.Changes;
            }
            if (changes != Interlocked.Read(ref _savedChanges))
            {
                SaveState();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _engine.Log($"Could not save the state file {_options.StateFile}: {e.Message}");
        }
    }
}
