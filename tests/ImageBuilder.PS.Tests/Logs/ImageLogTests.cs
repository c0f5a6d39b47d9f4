using ImageBuilder.PS.Emulator;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Logs;

/// <summary>Get-IbImageLog against the emulator: a build's log read whole, tailed, matched, followed, and missing.</summary>
public sealed class ImageLogTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public ImageLogTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
        _f.Emulator.SetClock(ClockMode.Scaled, 20);
        WindowsRecipe.Make(_f);
    }

    [Fact]
    public void A_finished_builds_log_is_read_whole_tailed_and_matched()
    {
        var result = _f.Run("""
            $image = New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn -Wait -PollInterval 0.02
            $all = @($image | Get-IbImageLog)
            $tail = @(Get-IbImageLog -Arn $image.Arn -Tail 2)
            $matched = @(Get-IbImageLog -Arn $image.Arn -Match 'AWSTOE PHASE')
            $regex = @(Get-IbImageLog -Arn $image.Arn -Match '^workflow \S+ step')
            [pscustomobject]@{ All = $all; Tail = $tail; Matched = $matched; Regex = $regex }
            """);
        result.AssertSuccess();
        dynamic r = result.Output.Single();
        var all = ((object[])r.All).Cast<dynamic>().ToList();
        Assert.StartsWith("build of ", (string)all[0].Text);
        Assert.Equal("Image Builder: the build ended AVAILABLE.", (string)all[^1].Message);
        Assert.Contains(all, l => (string?)l.Phase == "build" && (string?)l.Step is not null);
        Assert.Equal(new[] { (string)all[^2].Message, (string)all[^1].Message }, ((object[])r.Tail).Cast<dynamic>().Select(l => (string)l.Message));
        Assert.NotEmpty((object[])r.Matched);
        Assert.All(((object[])r.Matched).Cast<dynamic>(), l => Assert.StartsWith("AWSTOE phase", (string)l.Message));
        Assert.All(((object[])r.Regex).Cast<dynamic>(), l => Assert.NotNull((string?)l.Step));
    }

    [Fact]
    public void Follow_reads_until_the_build_ends()
    {
        var result = _f.Run("""
            $image = New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn
            $image | Get-IbImageLog -Follow -PollInterval 0.05 | Select-Object -Last 1
            """);
        result.AssertSuccess();
        Assert.Equal("Image Builder: the build ended AVAILABLE.", (string)((dynamic)result.Output.Single()).Message);
    }

    [Fact]
    public void A_build_logging_to_its_own_group_is_read_from_there()
    {
        var result = _f.Run("""
            $image = New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn -LogGroupName '/team/builds' -Wait -PollInterval 0.02
            Get-IbImageLog -Arn ($image.Arn -replace '/\d+$', '') -Tail 1 -Verbose
            """);
        result.AssertSuccess();
        dynamic line = result.Output.Single();
        Assert.Equal("/team/builds", (string)line.LogGroupName);
        Assert.Contains(result.Verbose, v => v.Message.Contains("names a version; the log of its newest build", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_wait_names_the_step_and_quotes_the_log()
    {
        _f.Emulator.ArrangeFailure(new ArrangedFailure { Stage = "BUILDING", Step = "ApplyBuildComponents", Reason = "component install-agent failed" });
        var result = _f.Run("New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn -Wait -PollInterval 0.02");

        var error = Assert.Single(result.Errors);
        var text = error.ErrorDetails.Message;
        Assert.Contains("Failed at step 'ApplyBuildComponents' (ExecuteComponents) of the build workflow build-image", text);
        Assert.Contains("stderr: component install-agent failed", text);
        Assert.Contains("The whole log: Get-IbImageLog -Arn arn:aws:imagebuilder:", text);
    }
}
