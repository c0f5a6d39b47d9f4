using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.UnitTests.Model;

/// <summary>
/// Reading pipeline execution log lines: the emulator's form exactly, and, since the user guide does not show the
/// service's wording, any other line whole with its decision taken from its words.
/// </summary>
public sealed class PipelineLogEventTests
{
    private const string Image = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0/3";

    [Fact]
    public void A_started_line_gives_its_decision_trigger_image_and_reason()
    {
        var line = PipelineLogEvent.Parse(0, $"Pipeline execution started (SCHEDULED) for image {Image}: the schedule cron(0 3 * * ? *) came due and a dependency was updated: arn:aws:imagebuilder:us-east-1:123456789012:component/agent/1.0.1/1.\n");

        Assert.Equal(("Started", "SCHEDULED", Image, "1.0.0/3"), (line.Decision, line.Trigger, line.ImageBuildVersionArn, line.Build));
        Assert.Equal("the schedule cron(0 3 * * ? *) came due and a dependency was updated: arn:aws:imagebuilder:us-east-1:123456789012:component/agent/1.0.1/1.", line.Reason);
    }

    [Fact]
    public void A_skipped_line_names_no_image()
    {
        var line = PipelineLogEvent.Parse(0, "Pipeline execution skipped (SCHEDULED): the schedule cron(0 3 * * ? *) came due, but no component of the recipe was updated.");

        Assert.Equal(("Skipped", "SCHEDULED", null, null), (line.Decision, line.Trigger, line.ImageBuildVersionArn, line.Build));
    }

    [Theory]
    [InlineData("Skipping the scheduled pipeline execution: no dependency updates were found.", "Skipped", null)]
    [InlineData("Pipeline run failed to start: the image recipe does not exist.", "Failed", null)]
    [InlineData("Started image build " + Image + " because a dependency changed.", "Started", Image)]
    [InlineData("{\"message\":\"something else\"}", null, null)]
    public void A_line_in_another_form_keeps_its_text_and_guesses_its_decision(string message, string? decision, string? image)
    {
        var line = PipelineLogEvent.Parse(0, message);

        Assert.Equal((decision, image, message, (string?)null), (line.Decision, line.ImageBuildVersionArn, line.Reason, line.Trigger));
    }
}
