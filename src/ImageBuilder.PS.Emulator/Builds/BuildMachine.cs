using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Scans;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Builds;

/// <summary>
/// Moves image builds through their statuses on the emulator's clock: PENDING → CREATING → BUILDING → TESTING →
/// DISTRIBUTING → INTEGRATING → AVAILABLE. Phases with workflows run their steps one after another (each
/// workflow takes one stage duration); a WaitForAction step holds the build until SendWorkflowStepAction.
/// Every transition happens at its scheduled time, not when someone looks, so a stepped clock gives the same
/// timestamps every run. Callers hold the state's lock.
/// </summary>
internal sealed class BuildMachine
{
    private readonly EmulatorState _state;
    private readonly BuildLog _log;

    public BuildMachine(EmulatorState state)
    {
        _state = state;
        _log = new BuildLog(state);
    }

    private TimeSpan Stage => _state.Settings.StageDuration;

    public BuildRun Start(Entry<Image> image, IReadOnlyList<BuildPhase> phases, DateTime now, bool retry = false)
    {
        var run = new BuildRun(image, phases, now, _state.ClaimFailure(FailureTarget.ImageBuild), retry);
        _state.ActiveBuilds[image.Arn] = run;
        _log.Started(run, now);
        EnterPhase(run, 0, now);
        return run;
    }

    /// <summary>Brings every build in progress up to the given time; true when anything moved.</summary>
    public bool Advance(DateTime now)
    {
        if (_state.ActiveBuilds.Count == 0)
        {
            return false;
        }
        bool moved = false;
        foreach (var run in _state.ActiveBuilds.Values.ToList())
        {
            int guard = 0;
            while (!run.Finished && !run.Waiting && run.NextAt <= now && guard++ < 10_000)
            {
                Step(run);
                moved = true;
            }
        }
        return moved;
    }

    public void Cancel(BuildRun run, DateTime now)
    {
        if (run.CurrentStep is { } step)
        {
            EndStep(step, "CANCELLED", now, "Cancelled by CancelImageCreation.");
        }
        if (run.CurrentExecution is { } execution)
        {
            EndExecution(execution, "CANCELLED", now, "Cancelled by CancelImageCreation.");
        }
        Finish(run, "CANCELLED", "The image creation was cancelled.", now);
    }

    /// <summary>RESUME: the waiting step completes now and the build goes on.</summary>
    public void Resume(BuildRun run, DateTime now)
    {
        run.Waiting = false;
        run.NextAt = now;
        Advance(now);
    }

    /// <summary>STOP: the waiting step fails, and with it the workflow and the build.</summary>
    public void Stop(BuildRun run, string? reason, DateTime now)
    {
        var message = "Stopped by SendWorkflowStepAction" + (reason is null ? "." : ": " + reason);
        run.Waiting = false;
        if (run.CurrentStep is { } step)
        {
            EndStep(step, "FAILED", now, message);
            step.Execution.Metadata.TotalStepsFailed = (step.Execution.Metadata.TotalStepsFailed ?? 0) + 1;
            _log.StepFailed(run, step, message, now);
        }
        if (run.CurrentExecution is { } execution)
        {
            EndExecution(execution, "FAILED", now, message);
            _log.WorkflowEnded(run, execution, "FAILED", now);
        }
        Finish(run, "FAILED", $"Workflow step {run.CurrentStep?.Metadata.Name} was stopped" + (reason is null ? "." : ": " + reason), now);
    }

    private void Step(BuildRun run)
    {
        var t = run.NextAt;
        if (run.CurrentStep is { } failing && IsArrangedToFail(run, failing))
        {
            FailStep(run, failing, run.Failure!.Reason ?? $"Step {failing.Metadata.Name} failed (arranged by the emulator).", t);
            return;
        }
        if (run.CurrentStep is { } step)
        {
            EndStep(step, "COMPLETED", t, null);
            _log.StepCompleted(run, step, t);
            var execution = run.CurrentExecution!;
            execution.Metadata.TotalStepsSucceeded = (execution.Metadata.TotalStepsSucceeded ?? 0) + 1;
            run.CurrentStep = null;
            var plan = run.Phases[run.PhaseIndex].Workflows[run.WorkflowIndex];
            if (execution.Steps.Count < plan.Steps.Count)
            {
                StartStep(run, execution, plan, execution.Steps.Count, t);
                return;
            }
            EndExecution(execution, "COMPLETED", t, null);
            _log.WorkflowEnded(run, execution, "COMPLETED", t);
            run.CurrentExecution = null;
            run.WorkflowIndex++;
            if (run.WorkflowIndex < run.Phases[run.PhaseIndex].Workflows.Count)
            {
                StartWorkflow(run, t);
                return;
            }
        }
        EnterPhase(run, run.PhaseIndex + 1, t);
    }

    private void EnterPhase(BuildRun run, int index, DateTime t)
    {
        if (index >= run.Phases.Count)
        {
            Complete(run, t);
            return;
        }
        run.PhaseIndex = index;
        run.WorkflowIndex = 0;
        var phase = run.Phases[index];
        run.Image.Value.State = new ImageState { Status = phase.Status };
        _log.Stage(run, phase.Status, t);
        if (run.Failure is { Step: null } failure && string.Equals(failure.Stage, phase.Status, StringComparison.OrdinalIgnoreCase))
        {
            FailHere(run, failure.Reason ?? $"The build failed while {phase.Status} (arranged by the emulator).", t);
            return;
        }
        if (phase.Workflows.Count > 0)
        {
            StartWorkflow(run, t);
        }
        else
        {
            run.NextAt = t + Stage;
        }
    }

    private void StartWorkflow(BuildRun run, DateTime t)
    {
        var plan = run.Phases[run.PhaseIndex].Workflows[run.WorkflowIndex];
        var execution = new WorkflowExecutionRecord(run.Image.Arn, new WorkflowExecutionMetadata
        {
            WorkflowBuildVersionArn = plan.WorkflowArn,
            WorkflowExecutionId = Ids.WorkflowExecution(),
            Type = plan.Type,
            Status = "RUNNING",
            TotalStepCount = plan.Steps.Count,
            TotalStepsSucceeded = 0,
            TotalStepsFailed = 0,
            TotalStepsSkipped = 0,
            StartTime = t,
            ParallelGroup = plan.ParallelGroup,
            Retried = run.Retry,
        });
        _state.WorkflowExecutions[execution.Metadata.WorkflowExecutionId!] = execution;
        if (!_state.WorkflowExecutionsByImage.TryGetValue(run.Image.Arn, out var list))
        {
            _state.WorkflowExecutionsByImage[run.Image.Arn] = list = new List<WorkflowExecutionRecord>();
        }
        list.Add(execution);
        run.CurrentExecution = execution;
        _log.WorkflowStarted(run, plan, t);
        StartStep(run, execution, plan, 0, t);
    }

    private void StartStep(BuildRun run, WorkflowExecutionRecord execution, WorkflowPlan plan, int index, DateTime t)
    {
        var spec = plan.Steps[index];
        var step = new StepExecutionRecord(execution, new WorkflowStepMetadata
        {
            StepExecutionId = Ids.StepExecution(),
            Name = spec.Name,
            Description = spec.Description,
            Action = spec.Action,
            Status = "RUNNING",
            Inputs = "{}",
            StartTime = t,
        }, spec);
        execution.Steps.Add(step);
        _state.StepExecutions[step.Metadata.StepExecutionId!] = step;
        run.CurrentStep = step;
        _log.StepStarted(run, step, t);
        if (step.IsWaitForAction)
        {
            run.Waiting = true;
            return;
        }
        run.NextAt = t + TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Stage.Ticks / plan.Steps.Count));
    }

    /// <summary>An arranged failure: the phase's first workflow step (if it has workflows) fails, then the build.</summary>
    private void FailHere(BuildRun run, string reason, DateTime t)
    {
        var phase = run.Phases[run.PhaseIndex];
        if (phase.Workflows.Count > 0)
        {
            StartWorkflow(run, t);
            var step = run.CurrentStep!;
            run.Waiting = false;
            EndStep(step, "FAILED", t, reason);
            step.Execution.Metadata.TotalStepsFailed = 1;
            _log.StepFailed(run, step, reason, t);
            EndExecution(step.Execution, "FAILED", t, reason);
            _log.WorkflowEnded(run, step.Execution, "FAILED", t);
        }
        Finish(run, "FAILED", reason, t);
    }

    private static bool IsArrangedToFail(BuildRun run, StepExecutionRecord step) =>
        run.Failure is { Step: { } name } failure && string.Equals(name, step.Metadata.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(failure.Stage, run.Phases[run.PhaseIndex].Status, StringComparison.OrdinalIgnoreCase);

    /// <summary>An arranged failure of a named step: it ran its time, and fails now, with its workflow and the build.</summary>
    private void FailStep(BuildRun run, StepExecutionRecord step, string reason, DateTime t)
    {
        EndStep(step, "FAILED", t, reason);
        step.Execution.Metadata.TotalStepsFailed = (step.Execution.Metadata.TotalStepsFailed ?? 0) + 1;
        _log.StepFailed(run, step, reason, t);
        EndExecution(step.Execution, "FAILED", t, reason);
        _log.WorkflowEnded(run, step.Execution, "FAILED", t);
        Finish(run, "FAILED", reason, t);
    }

    private void Complete(BuildRun run, DateTime t)
    {
        var image = run.Image.Value;
        image.OutputResources = ImageOutputs.For(_state, run.Image);
        if (image.ImageScanningConfiguration?.ImageScanningEnabled == true)
        {
            FindingGenerator.AddFindings(_state, run.Image, _state.Settings.FindingsPerScannedImage, t);
            image.ScanState = new ImageScanState { Status = "COMPLETED" };
        }
        Finish(run, "AVAILABLE", null, t);
    }

    private void Finish(BuildRun run, string status, string? reason, DateTime t)
    {
        run.Finished = true;
        run.Waiting = false;
        run.CurrentStep = null;
        run.CurrentExecution = null;
        run.Image.Value.State = new ImageState { Status = status, Reason = reason };
        _state.ActiveBuilds.Remove(run.Image.Arn);
        _log.Finished(run, status, reason, t);
        if (run.Image.Value.SourcePipelineArn is { } pipelineArn && _state.Pipelines.Get(pipelineArn) is { } pipeline)
        {
            new PipelineLog(_state).Ended(pipeline.Value, run.Image.Value, status, reason, t);
            pipeline.Value.LastRunStatus = status;
            pipeline.Value.ConsecutiveFailures = status == "AVAILABLE" ? 0 : (pipeline.Value.ConsecutiveFailures ?? 0) + 1;
        }
    }

    private static void EndStep(StepExecutionRecord step, string status, DateTime t, string? message)
    {
        step.Metadata.Status = status;
        step.Metadata.EndTime = t;
        step.Metadata.Message = message;
        if (status == "COMPLETED")
        {
            step.Metadata.Outputs = "{}";
        }
    }

    private static void EndExecution(WorkflowExecutionRecord execution, string status, DateTime t, string? message)
    {
        execution.Metadata.Status = status;
        execution.Metadata.EndTime = t;
        execution.Metadata.Message = message;
    }
}
