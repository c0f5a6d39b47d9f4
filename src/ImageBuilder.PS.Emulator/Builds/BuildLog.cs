using ImageBuilder.PS.Emulator.Ib;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Builds;

/// <summary>
/// What a build writes to CloudWatch Logs as it runs: a line per stage, per workflow and per workflow step, and for
/// steps that run components, AWSTOE's lines for each component phase and step. The group is the image's own
/// (loggingConfiguration.logGroupName) or /aws/imagebuilder/&lt;image name&gt;; the stream is &lt;version&gt;/&lt;build&gt;.
/// Lines are written when what they report happens on the emulator's clock, so a reader sees the log grow.
/// </summary>
internal sealed class BuildLog
{
    /// <summary>The AWSTOE version the lines claim; any plausible one does.</summary>
    private const string ToeVersion = "1.5.2";

    private readonly EmulatorState _state;

    public BuildLog(EmulatorState state) => _state = state;

    public static string GroupOf(Image image) => image.LoggingConfiguration?.LogGroupName ?? "/aws/imagebuilder/" + image.Name;

    public void Started(BuildRun run, DateTime t) =>
        Write(run, t, $"Image Builder: build of {run.Image.Arn} started ({run.Image.Value.BuildType ?? "USER_INITIATED"}).");

    public void Stage(BuildRun run, string status, DateTime t) => Write(run, t, $"Image Builder: the build is {status}.");

    public void WorkflowStarted(BuildRun run, WorkflowPlan plan, DateTime t) =>
        Write(run, t, $"Workflow {WorkflowName(plan.WorkflowArn)}: started ({plan.Type}, {plan.Steps.Count} step{(plan.Steps.Count == 1 ? "" : "s")}).");

    public void StepStarted(BuildRun run, StepExecutionRecord step, DateTime t) =>
        Write(run, t, step.IsWaitForAction
            ? $"{StepPrefix(step)}: waiting for an action (SendWorkflowStepAction RESUME or STOP)."
            : $"{StepPrefix(step)}: started.");

    /// <summary>A step that went well; a step that runs components first writes AWSTOE's lines over the time it ran.</summary>
    public void StepCompleted(BuildRun run, StepExecutionRecord step, DateTime t)
    {
        var lines = new List<(DateTime, string)>();
        if (RunsComponents(step))
        {
            var start = step.Metadata.StartTime ?? t;
            var toe = ComponentLines(run, failure: null);
            for (int i = 0; i < toe.Count; i++)
            {
                lines.Add((start + TimeSpan.FromTicks((t - start).Ticks * (i + 1) / (toe.Count + 1)), toe[i]));
            }
        }
        lines.Add((t, $"{StepPrefix(step)}: completed."));
        _state.Logs.Append(GroupOf(run.Image.Value), StreamOf(run), t, lines, _state.NextSequence());
    }

    /// <summary>A step that failed: AWSTOE's failing step and its error output when the step runs components, then the step's own failure.</summary>
    public void StepFailed(BuildRun run, StepExecutionRecord step, string reason, DateTime t)
    {
        var lines = RunsComponents(step) ? ComponentLines(run, reason) : new List<string>();
        lines.Add($"{StepPrefix(step)}: failed: {reason}");
        Write(run, t, lines.ToArray());
    }

    public void WorkflowEnded(BuildRun run, WorkflowExecutionRecord execution, string status, DateTime t) =>
        Write(run, t, $"Workflow {WorkflowName(execution.Metadata.WorkflowBuildVersionArn)}: {status.ToLowerInvariant()}.");

    public void Finished(BuildRun run, string status, string? reason, DateTime t) =>
        Write(run, t, reason is null ? $"Image Builder: the build ended {status}." : $"Image Builder: the build ended {status}: {reason}");

    private static string StreamOf(Entry<Image> image) => $"{image.Version}/{image.Build}";

    private static string StreamOf(BuildRun run) => StreamOf(run.Image);

    private void Write(BuildRun run, DateTime t, params string[] lines) =>
        _state.Logs.Append(GroupOf(run.Image.Value), StreamOf(run), t, lines, _state.NextSequence());

    private static bool RunsComponents(StepExecutionRecord step) =>
        step.Metadata.Action is "ExecuteComponents" or "RunTests";

    private static string StepPrefix(StepExecutionRecord step) =>
        $"Workflow {WorkflowName(step.Execution.Metadata.WorkflowBuildVersionArn)} step {step.Metadata.Name} ({step.Metadata.Action})";

    private static string WorkflowName(string? arn) =>
        IbArn.TryParse(arn, out var parsed) ? parsed.Name : arn ?? "workflow";

    /// <summary>
    /// AWSTOE's lines for the components of the stage the build is in (build and validate phases while building,
    /// test while testing). With a failure, the first step fails with the reason as its error output and AWSTOE stops.
    /// </summary>
    private List<string> ComponentLines(BuildRun run, string? failure)
    {
        var image = run.Image.Value;
        var testing = image.State?.Status == "TESTING";
        var phases = testing ? new[] { "test" } : new[] { "build", "validate" };
        var lines = new List<string>();
        int steps = 0, documents = 0;
        foreach (var (arn, data) in Components(image))
        {
            var wanted = SafeSteps(data).Where(s => phases.Contains(s.Phase, StringComparer.OrdinalIgnoreCase)).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }
            documents++;
            lines.Add($"AWSTOE {ToeVersion}: document {arn}");
            foreach (var phase in wanted.Select(s => s.Phase).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                lines.Add($"AWSTOE phase {phase}: started");
                foreach (var step in wanted.Where(s => string.Equals(s.Phase, phase, StringComparison.OrdinalIgnoreCase)))
                {
                    steps++;
                    lines.Add($"AWSTOE phase {phase}, step {step.Step} ({step.Action}): started");
                    if (failure is not null)
                    {
                        lines.Add($"AWSTOE phase {phase}, step {step.Step}: stderr: {failure}");
                        lines.Add($"AWSTOE phase {phase}, step {step.Step} ({step.Action}): failed with exit code 1");
                        lines.Add($"AWSTOE phase {phase}: failed");
                        lines.Add($"AWSTOE {ToeVersion}: document {arn} failed; {steps} step{(steps == 1 ? "" : "s")} run, 1 failed");
                        return lines;
                    }
                    lines.Add($"AWSTOE phase {phase}, step {step.Step}: stdout: {OutputOf(step.Action)}");
                    lines.Add($"AWSTOE phase {phase}, step {step.Step} ({step.Action}): succeeded");
                }
                lines.Add($"AWSTOE phase {phase}: succeeded");
            }
        }
        if (failure is not null)
        {
            // No component ran in this stage: the failure is the step's own.
            lines.Add($"AWSTOE {ToeVersion}: error: {failure}");
            return lines;
        }
        lines.Add(documents == 0
            ? $"AWSTOE {ToeVersion}: no component has {string.Join(" or ", phases)} steps; nothing to run"
            : $"AWSTOE {ToeVersion}: {documents} document{(documents == 1 ? "" : "s")}, {steps} step{(steps == 1 ? "" : "s")} succeeded");
        return lines;
    }

    private static string OutputOf(string action) => action switch
    {
        "ExecuteBash" => "exit code 0",
        "ExecutePowerShell" => "exit code 0",
        "Reboot" => "the instance restarted",
        "UpdateOS" => "no further updates are available",
        _ => "done",
    };

    private static List<(string Phase, string Step, string Action)> SafeSteps(string? data)
    {
        try
        {
            return data is null ? new() : YamlDocuments.ReadComponentSteps(data);
        }
        catch (Core.ServiceError)
        {
            return new();
        }
    }

    /// <summary>The components of the image's recipe with their documents, in recipe order.</summary>
    private IEnumerable<(string Arn, string? Data)> Components(Image image)
    {
        var configured = image.ImageRecipe?.Components ?? image.ContainerRecipe?.Components ?? new List<ComponentConfiguration>();
        foreach (var component in configured)
        {
            if (component.ComponentArn is not { } arn)
            {
                continue;
            }
            var entry = _state.Components.Get(arn);
            if (entry is null && IbArn.TryParse(arn, out var parsed))
            {
                entry = _state.Components.Resolve(IbSupport.Family(parsed), parsed.Version, IbSupport.BuildNumber(parsed));
            }
            yield return (entry?.Arn ?? arn, entry?.Value.Data);
        }
    }
}
