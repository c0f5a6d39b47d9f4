using ImageBuilder.PS.Emulator.Control;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Http;
using ImageBuilder.PS.Emulator.Persistence;
using ImageBuilder.PS.Emulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

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
    private readonly WebApplication _app;
    private readonly EmulatorEngine _engine;
    private readonly EmulatorOptions _options;
    private readonly Timer? _saveTimer;
    private long _savedChanges = -1;
    private int _disposed;

    private ImageBuilderEmulator(WebApplication app, EmulatorEngine engine, EmulatorOptions options, string url, RequestDispatcher dispatcher)
    {
        dispatcher.Control.Attach(this);
        _app = app;
        _engine = engine;
        _options = options;
        Url = url;
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
    public static async Task<ImageBuilderEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
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

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, Hosting.QuietLifetime>();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The dispatcher enforces its own limit so that an oversized body gets an AWS-shaped error.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var dispatcher = new RequestDispatcher(engine);
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The emulator started but reports no address.");
        return new ImageBuilderEmulator(app, engine, options, address.TrimEnd('/'), dispatcher);
    }

    /// <summary>Starts an emulator and waits until it listens (blocking form of <see cref="StartAsync"/>).</summary>
    public static ImageBuilderEmulator Start(EmulatorOptions? options = null) =>
        StartAsync(options).ConfigureAwait(false).GetAwaiter().GetResult();

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
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

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
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
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
