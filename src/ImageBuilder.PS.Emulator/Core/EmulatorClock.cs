namespace ImageBuilder.PS.Emulator.Core;

/// <summary>
/// The emulator's notion of now. Builds, imports and lifecycle executions move on this clock, so tests can step
/// through states deterministically and demos can run a build in seconds.
/// </summary>
internal sealed class EmulatorClock
{
    private readonly object _gate = new();
    private readonly Func<DateTime> _wall;
    private ClockMode _mode = ClockMode.Real;
    private double _scale = 1;
    // The emulated time at the moment of the last mode change, and the wall time then.
    private DateTime _anchorEmulated;
    private DateTime _anchorWall;

    public EmulatorClock(Func<DateTime>? wall = null)
    {
        _wall = wall ?? (() => DateTime.UtcNow);
        _anchorWall = _wall();
        _anchorEmulated = _anchorWall;
    }

    public ClockMode Mode { get { lock (_gate) return _mode; } }
    public double Scale { get { lock (_gate) return _scale; } }

    public DateTime Now
    {
        get
        {
            lock (_gate)
            {
                return Compute(_wall());
            }
        }
    }

    public void Set(ClockMode mode, double scale = 1)
    {
        if (mode == ClockMode.Scaled && (double.IsNaN(scale) || scale <= 0 || scale > 1_000_000))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "A scaled clock needs a factor above 0 and at most 1,000,000.");
        }
        lock (_gate)
        {
            var wall = _wall();
            _anchorEmulated = Compute(wall);
            _anchorWall = wall;
            _mode = mode;
            _scale = mode == ClockMode.Scaled ? scale : 1;
        }
    }

    /// <summary>Moves the clock forward (any mode); returns the new now.</summary>
    public DateTime Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The clock only moves forward.");
        }
        lock (_gate)
        {
            var wall = _wall();
            _anchorEmulated = Compute(wall) + by;
            _anchorWall = wall;
            return _anchorEmulated;
        }
    }

    /// <summary>Back to real time, now.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _mode = ClockMode.Real;
            _scale = 1;
            _anchorWall = _wall();
            _anchorEmulated = _anchorWall;
        }
    }

    private DateTime Compute(DateTime wall) => _mode switch
    {
        ClockMode.Stepped => _anchorEmulated,
        ClockMode.Scaled => _anchorEmulated + TimeSpan.FromTicks((long)((wall - _anchorWall).Ticks * _scale)),
        _ => _anchorEmulated + (wall - _anchorWall),
    };
}
