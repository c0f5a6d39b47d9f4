using ImageBuilder.PS.Emulator.Core;

namespace ImageBuilder.PS.Emulator.Tests.Units;

public sealed class ClockTests
{
    private DateTime _wall = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Real_time_follows_the_wall()
    {
        var clock = new EmulatorClock(() => _wall);
        _wall = _wall.AddSeconds(5);
        Assert.Equal(_wall, clock.Now);
    }

    [Fact]
    public void A_stepped_clock_moves_only_when_advanced()
    {
        var clock = new EmulatorClock(() => _wall);
        clock.Set(ClockMode.Stepped);
        var start = clock.Now;
        _wall = _wall.AddMinutes(10);
        Assert.Equal(start, clock.Now);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(start.AddSeconds(2), clock.Now);
    }

    [Fact]
    public void A_scaled_clock_runs_faster()
    {
        var clock = new EmulatorClock(() => _wall);
        var start = clock.Now;
        clock.Set(ClockMode.Scaled, 60);
        _wall = _wall.AddSeconds(2);
        Assert.Equal(start.AddMinutes(2), clock.Now);
    }

    [Fact]
    public void The_clock_never_goes_back()
    {
        var clock = new EmulatorClock(() => _wall);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(ClockMode.Scaled, 0));
    }
}
