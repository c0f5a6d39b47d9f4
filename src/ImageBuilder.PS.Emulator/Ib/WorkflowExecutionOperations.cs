using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>The workflow executions and step executions of builds, waiting steps, and the action that releases them.</summary>
internal sealed class WorkflowExecutionOperations
{
    private readonly EmulatorState _state;
    private readonly BuildMachine _machine;

    public WorkflowExecutionOperations(EmulatorState state, BuildMachine machine)
    {
        _state = state;
        _machine = machine;
    }

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.ListWorkflowExecutions, ListExecutions);
        table.Add(IbOperations.GetWorkflowExecution, GetExecution);
        table.Add(IbOperations.ListWorkflowStepExecutions, ListSteps);
        table.Add(IbOperations.GetWorkflowStepExecution, GetStep);
        table.Add(IbOperations.ListWaitingWorkflowSteps, ListWaiting);
        table.Add(IbOperations.SendWorkflowStepAction, SendAction);
    }

    private ListWorkflowExecutionsResponse ListExecutions(ListWorkflowExecutionsRequest request, CallContext call)
    {
        var image = IbSupport.Require(_state.Images, request.ImageBuildVersionArn!);
        var executions = _state.WorkflowExecutionsByImage.TryGetValue(image.Arn, out var list) ? list : new List<WorkflowExecutionRecord>();
        var page = Paging.Of(executions, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListWorkflowExecutionsResponse
        {
            WorkflowExecutions = page.Items.Select(e => e.Metadata).ToList(),
            ImageBuildVersionArn = image.Arn,
            Message = image.Value.State?.Reason,
            NextToken = page.NextToken,
        };
    }

    private GetWorkflowExecutionResponse GetExecution(GetWorkflowExecutionRequest request, CallContext call)
    {
        var execution = FindExecution(request.WorkflowExecutionId!);
        var m = execution.Metadata;
        return new GetWorkflowExecutionResponse
        {
            WorkflowBuildVersionArn = m.WorkflowBuildVersionArn,
            WorkflowExecutionId = m.WorkflowExecutionId,
            ImageBuildVersionArn = execution.ImageArn,
            Type = m.Type,
            Status = m.Status,
            Message = m.Message,
            TotalStepCount = m.TotalStepCount,
            TotalStepsSucceeded = m.TotalStepsSucceeded,
            TotalStepsFailed = m.TotalStepsFailed,
            TotalStepsSkipped = m.TotalStepsSkipped,
            StartTime = m.StartTime,
            EndTime = m.EndTime,
            ParallelGroup = m.ParallelGroup,
        };
    }

    private ListWorkflowStepExecutionsResponse ListSteps(ListWorkflowStepExecutionsRequest request, CallContext call)
    {
        var execution = FindExecution(request.WorkflowExecutionId!);
        var page = Paging.Of(execution.Steps, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListWorkflowStepExecutionsResponse
        {
            Steps = page.Items.Select(s => s.Metadata).ToList(),
            WorkflowBuildVersionArn = execution.Metadata.WorkflowBuildVersionArn,
            WorkflowExecutionId = execution.Metadata.WorkflowExecutionId,
            ImageBuildVersionArn = execution.ImageArn,
            Message = execution.Metadata.Message,
            NextToken = page.NextToken,
        };
    }

    private GetWorkflowStepExecutionResponse GetStep(GetWorkflowStepExecutionRequest request, CallContext call)
    {
        var step = FindStep(request.StepExecutionId!);
        var m = step.Metadata;
        return new GetWorkflowStepExecutionResponse
        {
            StepExecutionId = m.StepExecutionId,
            WorkflowBuildVersionArn = step.Execution.Metadata.WorkflowBuildVersionArn,
            WorkflowExecutionId = step.Execution.Metadata.WorkflowExecutionId,
            ImageBuildVersionArn = step.Execution.ImageArn,
            Name = m.Name,
            Description = m.Description,
            Action = m.Action,
            Status = m.Status,
            RollbackStatus = m.RollbackStatus,
            Message = m.Message,
            Inputs = m.Inputs,
            Outputs = m.Outputs,
            StartTime = m.StartTime,
            EndTime = m.EndTime,
            OnFailure = step.Spec.OnFailure,
            TimeoutSeconds = step.Spec.TimeoutSeconds,
        };
    }

    private ListWaitingWorkflowStepsResponse ListWaiting(ListWaitingWorkflowStepsRequest request, CallContext call)
    {
        var waiting = _state.ActiveBuilds.Values
            .Where(r => r.Waiting && r.CurrentStep is not null)
            .Select(r => r.CurrentStep!)
            .OrderBy(s => s.Metadata.StartTime).ThenBy(s => s.Metadata.StepExecutionId, StringComparer.Ordinal)
            .ToList();
        var page = Paging.Of(waiting, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListWaitingWorkflowStepsResponse
        {
            Steps = page.Items.Select(s => new WorkflowStepExecution
            {
                StepExecutionId = s.Metadata.StepExecutionId,
                ImageBuildVersionArn = s.Execution.ImageArn,
                WorkflowExecutionId = s.Execution.Metadata.WorkflowExecutionId,
                WorkflowBuildVersionArn = s.Execution.Metadata.WorkflowBuildVersionArn,
                Name = s.Metadata.Name,
                Action = s.Metadata.Action,
                StartTime = s.Metadata.StartTime,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private SendWorkflowStepActionResponse SendAction(SendWorkflowStepActionRequest request, CallContext call)
    {
        var step = FindStep(request.StepExecutionId!);
        if (step.Execution.ImageArn != request.ImageBuildVersionArn)
        {
            throw ServiceError.InvalidParameterValue($"The step execution {request.StepExecutionId} does not belong to the image {request.ImageBuildVersionArn}.");
        }
        if (!_state.ActiveBuilds.TryGetValue(step.Execution.ImageArn, out var run) || !run.Waiting || !ReferenceEquals(run.CurrentStep, step))
        {
            throw ServiceError.InUse($"The step execution {request.StepExecutionId} is not waiting for an action (it is {step.Metadata.Status}).");
        }
        if (request.Action == "RESUME")
        {
            _machine.Resume(run, call.Now);
        }
        else
        {
            _machine.Stop(run, request.Reason, call.Now);
        }
        return new SendWorkflowStepActionResponse { StepExecutionId = step.Metadata.StepExecutionId, ImageBuildVersionArn = step.Execution.ImageArn, ClientToken = request.ClientToken };
    }

    private WorkflowExecutionRecord FindExecution(string id) =>
        _state.WorkflowExecutions.TryGetValue(id, out var execution) ? execution : throw ServiceError.NotFound($"The workflow execution {id} does not exist.");

    private StepExecutionRecord FindStep(string id) =>
        _state.StepExecutions.TryGetValue(id, out var step) ? step : throw ServiceError.NotFound($"The workflow step execution {id} does not exist.");
}
