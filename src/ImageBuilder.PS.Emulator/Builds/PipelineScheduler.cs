using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Builds;

/// <summary>
/// Runs enabled pipelines whose cron schedule comes due on the emulator's clock, as scheduled builds. With the
/// default start condition (EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE) a run happens only when the
/// pipeline has no available image yet or a component its recipe uses is newer than its last run. Callers hold
/// the state's lock.
/// </summary>
internal sealed class PipelineScheduler
{
    private readonly EmulatorState _state;
    private readonly ImageFactory _factory;
    private readonly PipelineLog _log;

    public PipelineScheduler(EmulatorState state, ImageFactory factory)
    {
        _state = state;
        _factory = factory;
        _log = new PipelineLog(state);
    }

    /// <summary>Refuses a schedule the service would: an expression that is not a valid cron expression, or an unknown time zone.</summary>
    public static void Check(Schedule? schedule)
    {
        if (schedule?.ScheduleExpression is { } expression && !CronSchedule.IsValid(expression))
        {
            throw ServiceError.InvalidParameterValue($"The value supplied for parameter 'schedule.scheduleExpression' is not a valid cron expression: {expression}");
        }
        // Without time zone data (a minimal container) the system knows UTC alone; then no zone can be told unknown.
        if (schedule?.Timezone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) && TimeZoneInfo.GetSystemTimeZones().Count > 1)
        {
            throw ServiceError.InvalidParameterValue($"The value supplied for parameter 'schedule.timezone' is not a known IANA time zone: {zone}");
        }
    }

    /// <summary>When the pipeline runs next, or null (no schedule, disabled, or a form the emulator does not evaluate).</summary>
    public static DateTime? NextRun(ImagePipeline pipeline, DateTime after)
    {
        if (pipeline.Status == "DISABLED" || CronSchedule.TryParse(pipeline.Schedule?.ScheduleExpression) is not { } cron)
        {
            return null;
        }
        var zone = TimeZoneInfo.Utc;
        if (pipeline.Schedule?.Timezone is { } name && !TimeZoneInfo.TryFindSystemTimeZoneById(name, out zone))
        {
            zone = TimeZoneInfo.Utc;
        }
        return cron.NextAfter(after, zone!);
    }

    /// <summary>Starts the builds that are due; true when any started.</summary>
    public bool Advance(DateTime now)
    {
        bool started = false;
        foreach (var pipeline in _state.Pipelines.All.ToList())
        {
            var p = pipeline.Value;
            if (p.DateNextRun is not { } due || due > now)
            {
                continue;
            }
            var condition = p.Schedule?.PipelineExecutionStartCondition ?? PipelineLog.DefaultStartCondition;
            var why = condition == "EXPRESSION_MATCH_ONLY"
                ? $"{PipelineLog.Due(p)}; the start condition {condition} runs at every match."
                : NewDependency(pipeline) is { } change ? $"{PipelineLog.Due(p)} and {change}." : null;
            if (why is not null)
            {
                try
                {
                    var image = _factory.StartBuild(new BuildRequest
                    {
                        ImageRecipeArn = p.ImageRecipeArn,
                        ContainerRecipeArn = p.ContainerRecipeArn,
                        InfrastructureConfigurationArn = p.InfrastructureConfigurationArn!,
                        DistributionConfigurationArn = p.DistributionConfigurationArn,
                        ImageTestsConfiguration = p.ImageTestsConfiguration,
                        ImageScanningConfiguration = p.ImageScanningConfiguration,
                        EnhancedImageMetadataEnabled = p.EnhancedImageMetadataEnabled,
                        Workflows = p.Workflows,
                        ExecutionRole = p.ExecutionRole,
                        LoggingConfiguration = p.LoggingConfiguration?.ImageLogGroupName is { } group ? new ImageLoggingConfiguration { LogGroupName = group } : null,
                        Tags = p.ImageTags,
                        Pipeline = pipeline,
                        BuildType = "SCHEDULED",
                    }, due);
                    p.DateLastRun = due;
                    p.LastRunStatus = image.Value.State?.Status;
                    started = true;
                    _log.Started(p, image.Arn, "SCHEDULED", why, due);
                }
                catch (ServiceError e)
                {
                    // A recipe or configuration deleted since the pipeline was made: the service skips the run too.
                    p.LastRunStatus = "FAILED";
                    _log.NotStarted(p, e.Message, due);
                }
            }
            else
            {
                var since = p.DateLastRun is { } last ? " since the last run at " + last.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : "";
                _log.Skipped(p, $"{PipelineLog.Due(p)}, but no component of the recipe was updated{since} (start condition {condition}).", due);
            }
            p.DateNextRun = NextRun(p, now);
        }
        return started;
    }

    /// <summary>Why a run with dependency updates as its condition is due to build (what changed, as the log says it), or null when nothing did.</summary>
    private string? NewDependency(Entry<ImagePipeline> pipeline)
    {
        var p = pipeline.Value;
        bool hasImage = _state.Images.All.Any(i => i.Value.SourcePipelineArn == pipeline.Arn && i.Value.State?.Status == "AVAILABLE");
        if (!hasImage || p.DateLastRun is not { } lastRun)
        {
            return "the pipeline has no available image yet";
        }
        var components = (p.ImageRecipeArn is { } r ? _state.ImageRecipes.Get(r)?.Value.Components : null)
                         ?? (p.ContainerRecipeArn is { } c ? _state.ContainerRecipes.Get(c)?.Value.Components : null)
                         ?? new List<ComponentConfiguration>();
        foreach (var component in components)
        {
            if (!IbArn.TryParse(component.ComponentArn, out var arn))
            {
                continue;
            }
            var selected = _state.Components.Resolve(arn.Format(null, null), arn.Version, int.TryParse(arn.Build, out var b) ? b : null);
            if (selected?.Value.DateCreated > lastRun)
            {
                // The user guide: when a dependency changed, the log names the ARN of the resource that changed.
                return "a dependency was updated: " + selected.Arn;
            }
        }
        return null;
    }
}
