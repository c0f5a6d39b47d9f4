using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Listing;

/// <summary>
/// Filter values are compared exactly by the service: a known value typed in another case is sent as the service
/// spells it, and a value the module does not know is sent as given, with a warning that names the known ones.
/// </summary>
public sealed class FilterValueTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public FilterValueTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
    }

    [Theory]
    [InlineData("Get-IbImage -Owner Amazon -Platform {0}")]
    [InlineData("Get-IbImageBuildVersion -Platform {0} -Arn (Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1).Arn")]
    [InlineData("Get-IbComponent -Owner Amazon -Platform {0}")]
    public void APlatformInAnotherCaseFindsWhatTheServiceSpellingFinds(string command)
    {
        var spelled = _f.Run(string.Format(command, "Windows"));
        spelled.AssertSuccess();
        Assert.NotEmpty(spelled.Output);

        var typed = _f.Run(string.Format(command, "windows"));

        typed.AssertSuccess();
        Assert.Empty(typed.Warnings);
        Assert.Equal(spelled.Output.Count, typed.Output.Count);
    }

    [Fact]
    public void AnImageTypeInAnotherCaseIsSentAsTheServiceSpellsIt()
    {
        var result = _f.Run("Get-IbImage -Owner Amazon -Type ami -Debug 5>&1");

        result.AssertSuccess();
        Assert.Contains(result.Output, o => o.ToString().Contains("\"AMI\""));
    }

    [Fact]
    public void AnUnknownValueIsWarnedAboutNamingTheKnownOnesAndStillSent()
    {
        var result = _f.Run("$DebugPreference = 'Continue'; Get-IbImage -Owner Amazon -Platform Linx 5>&1");

        result.AssertSuccess();
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("-Platform 'Linx'", warning.Message);
        Assert.Contains("Windows, Linux, macOS", warning.Message);
        Assert.Contains(result.Output, o => o.ToString().Contains("\"Linx\""));
    }

    [Theory]
    [InlineData("Get-IbPipeline -Status enabled", "ENABLED")]
    [InlineData("Get-IbLifecyclePolicy -Status disabled", "DISABLED")]
    [InlineData("Get-IbContainerRecipe -ContainerType docker", "DOCKER")]
    [InlineData("Get-IbRecipe -Platform LINUX", "Linux")]
    public void EveryKnownValueFilterIsSpelledAsTheServiceSpellsIt(string command, string sent)
    {
        var result = _f.Run(command + " -Debug 5>&1");

        result.AssertSuccess();
        Assert.Empty(result.Warnings);
        Assert.Contains(result.Output, o => o.ToString().Contains($"\"{sent}\""));
    }

    [Fact]
    public void UnderDebugTheWarningIsShownWithoutAsking()
    {
        var result = _f.Run("Get-IbImage -Owner Amazon -Platform Linx -Debug");

        result.AssertSuccess();
        Assert.Contains("-Platform 'Linx'", result.HostText);
    }
}
