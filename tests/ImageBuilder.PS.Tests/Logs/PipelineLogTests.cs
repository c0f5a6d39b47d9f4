using ImageBuilder.PS.Emulator;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Logs;

/// <summary>Get-IbPipelineLog against the emulator: runs started by a call and by a schedule, a skipped run, and a log not there yet.</summary>
public sealed class PipelineLogTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public PipelineLogTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
        _f.Emulator.SetClock(ClockMode.Stepped);
        WindowsRecipe.Make(_f, newestComponent: true);
    }

    [Fact]
    public void A_run_started_by_a_call_reads_as_started_then_ended_by_name_pipeline_or_image()
    {
        var result = _f.Run("""
            $pipeline = $recipe | New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra.Arn
            $image = $pipeline | Start-IbPipeline
            """);
        result.AssertSuccess();
        _f.AdvanceStages(12);

        result = _f.Run("""
            [pscustomobject]@{
                ByName = @(Get-IbPipelineLog nightly)
                Piped = @(Get-IbPipeline -Name nightly | Get-IbPipelineLog -Tail 1)
                ByImage = @($image | Get-IbPipelineLog -Match 'STARTED')
                Wildcard = @(Get-IbPipelineLog -Name 'night*')
            }
            """);
        result.AssertSuccess();
        dynamic r = result.Output.Single();
        static List<PipelineLogEvent> Lines(object value) => ((object[])value).Select(o => (PipelineLogEvent)((System.Management.Automation.PSObject)o).BaseObject).ToList();
        var lines = Lines(r.ByName);
        Assert.Equal(new[] { "Started", "Ended" }, lines.Select(l => l.Decision));
        Assert.All(lines, l => Assert.Equal(("USER_INITIATED", "1.0.0/1", "nightly", "/aws/imagebuilder/pipeline/nightly"), (l.Trigger, l.Build, l.PipelineName, l.LogGroupName)));
        Assert.Equal("StartImagePipelineExecution was called.", lines[0].Reason);
        Assert.Equal("the image is AVAILABLE.", lines[1].Reason);
        Assert.Matches(@"^\d{4}/\d\d/\d\d$", lines[0].LogStreamName);
        Assert.Equal("Ended", Assert.Single(Lines(r.Piped)).Decision);
        Assert.Equal("Started", Assert.Single(Lines(r.ByImage)).Decision);
        Assert.Equal(2, ((object[])r.Wildcard).Length);
    }

    [Fact]
    public void A_schedule_that_waits_for_dependency_updates_logs_its_skipped_run_in_the_pipelines_own_group()
    {
        var result = _f.Run("""
            $schedule = @{ ScheduleExpression = 'cron(0 3 * * ? *)'; PipelineExecutionStartCondition = 'EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE' }
            $recipe | New-IbPipeline -Name weekly -InfrastructureConfigurationArn $infra.Arn -Schedule $schedule -LoggingConfiguration @{ PipelineLogGroupName = '/team/pipelines' } | Out-Null
            """);
        result.AssertSuccess();
        _f.Emulator.AdvanceClock(TimeSpan.FromDays(1));
        _f.Emulator.AdvanceClock(TimeSpan.FromDays(1));
        _f.Run("New-IbComponent -Name install-agent -SemanticVersion 1.0.1 -Platform Windows -Data $Doc", new Dictionary<string, object?> { ["Doc"] = Samples.Document }).AssertSuccess();
        _f.Emulator.AdvanceClock(TimeSpan.FromDays(1));

        result = _f.Run("Get-IbPipelineLog weekly");

        result.AssertSuccess();
        var lines = result.Objects<PipelineLogEvent>().ToList();
        Assert.Equal(new[] { "Started", "Ended", "Skipped", "Started", "Ended" }, lines.Select(l => l.Decision));
        Assert.All(lines, l => Assert.Equal(("SCHEDULED", "/team/pipelines"), (l.Trigger, l.LogGroupName)));
        Assert.EndsWith("came due and the pipeline has no available image yet.", lines[0].Reason);
        Assert.Contains("no component of the recipe was updated since the last run", lines[2].Reason);
        Assert.Null(lines[2].ImageBuildVersionArn);
        Assert.EndsWith(":component/install-agent/1.0.1/1.", lines[3].Reason);
        Assert.Equal("1.0.0/2", lines[3].Build);
    }

    [Fact]
    public void A_pipeline_that_has_logged_nothing_yet_gets_an_error_that_says_so()
    {
        var result = _f.Run("""
            $recipe | New-IbPipeline -Name fresh -InfrastructureConfigurationArn $infra.Arn | Out-Null
            Get-IbPipelineLog fresh
            Get-IbPipelineLog no-such-pipeline
            """);

        Assert.Equal(new[] { "PipelineLogNotFound", "NameNotFound" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("Pipeline fresh has no execution log yet: there is no log group /aws/imagebuilder/pipeline/fresh.", result.Errors[0].Exception.Message);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, result.Errors[0].CategoryInfo.Category);
    }

    [Fact]
    public void An_image_not_built_by_a_pipeline_points_to_its_build_log()
    {
        var result = _f.Run("New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn | Get-IbPipelineLog");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ImageNotFromPipeline", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Its build log: Get-IbImageLog -Arn arn:aws:imagebuilder:", error.Exception.Message);
    }
}
