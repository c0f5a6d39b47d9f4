using System.Globalization;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Builds;

/// <summary>
/// What a pipeline writes to its execution log: a line when a run starts (and why: a call, a schedule, which
/// dependency changed), when a scheduled run is skipped or cannot start (and why), and when the run's image ends.
/// The group is the pipeline's own (loggingConfiguration.pipelineLogGroupName) or /aws/imagebuilder/pipeline/&lt;name&gt;;
/// the stream is the run's date, YYYY/MM/DD (UTC), as the user guide describes. The guide does not show the lines
/// themselves: these are the emulator's own wording, one sentence a line, each naming its decision first so a reader
/// can tell started from skipped without context.
/// </summary>
internal sealed class PipelineLog
{
    public const string DefaultStartCondition = "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE";

    private readonly EmulatorState _state;

    public PipelineLog(EmulatorState state) => _state = state;

    public static string GroupOf(ImagePipeline pipeline) =>
        pipeline.LoggingConfiguration?.PipelineLogGroupName ?? "/aws/imagebuilder/pipeline/" + pipeline.Name;

    /// <summary>The stream of the runs of one day; the emulator's times are UTC.</summary>
    public static string StreamOf(DateTime run) => run.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    public void Started(ImagePipeline pipeline, string imageArn, string trigger, string why, DateTime t) =>
        Write(pipeline, t, t, $"Pipeline execution started ({trigger}) for image {imageArn}: {why}");

    public void Skipped(ImagePipeline pipeline, string why, DateTime t) =>
        Write(pipeline, t, t, $"Pipeline execution skipped (SCHEDULED): {why}");

    /// <summary>A scheduled run that was due but could not start (a recipe or configuration deleted since).</summary>
    public void NotStarted(ImagePipeline pipeline, string why, DateTime t) =>
        Write(pipeline, t, t, $"Pipeline execution failed (SCHEDULED): the run could not start: {why}");

    /// <summary>The end of a run, in the stream of the day it started, so one run's lines stay together.</summary>
    public void Ended(ImagePipeline pipeline, Image image, string status, string? reason, DateTime t) =>
        Write(pipeline, image.DateCreated ?? t, t,
            $"Pipeline execution ended ({image.BuildType ?? "USER_INITIATED"}) for image {image.Arn}: the image is {status}" + (reason is null ? "." : ": " + reason));

    /// <summary>What the schedule came due with, as the start and skip lines say it.</summary>
    public static string Due(ImagePipeline pipeline) => $"the schedule {pipeline.Schedule?.ScheduleExpression} came due";

    private void Write(ImagePipeline pipeline, DateTime run, DateTime t, string line) =>
        _state.Logs.Append(GroupOf(pipeline), StreamOf(run), t, new[] { line }, _state.NextSequence());
}
