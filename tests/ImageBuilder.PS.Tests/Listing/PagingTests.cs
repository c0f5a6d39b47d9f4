using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Listing;

/// <summary>-First, -Skip and -IncludeTotalCount count over a whole invocation, whatever comes down the pipeline.</summary>
public sealed class PagingTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public PagingTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
    }

    [Fact]
    public void FirstAndSkipCountEverythingTheInvocationWritesNotEachInput()
    {
        var all = _f.Run("Get-IbImage -Owner Amazon | Get-IbImageBuildVersion").Output.Count;
        Assert.True(all >= 3, $"the emulator's catalogue should hold several Amazon builds, it has {all}");
        Assert.Equal(2, _f.Run("Get-IbImage -Owner Amazon | Get-IbImageBuildVersion -First 2").Output.Count);
        Assert.Equal(all - 1, _f.Run("Get-IbImage -Owner Amazon | Get-IbImageBuildVersion -Skip 1").Output.Count);
    }

    [Fact]
    public void TheTotalCountComesOnceAtTheEndEvenPastFirst()
    {
        var images = _f.Run("Get-IbImage -Owner Amazon").Output.Count;
        var result = _f.Run("Get-IbImage -Owner Amazon -First 1 -IncludeTotalCount");
        result.AssertSuccess();
        Assert.Equal(2, result.Output.Count);
        Assert.Equal((ulong)images, result.Output[^1].BaseObject);

        var builds = _f.Run("Get-IbImage -Owner Amazon | Get-IbImageBuildVersion").Output.Count;
        var piped = _f.Run("Get-IbImage -Owner Amazon | Get-IbImageBuildVersion -First 1 -IncludeTotalCount");
        Assert.Equal(2, piped.Output.Count);
        Assert.Equal((ulong)builds, piped.Output[^1].BaseObject);
    }
}
