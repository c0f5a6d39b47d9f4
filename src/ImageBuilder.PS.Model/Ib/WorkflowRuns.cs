namespace ImageBuilder.PS.Model.Ib
{
    // A workflow run and a step run are each written as one type, whether listed or got by id, so that they format
    // and pipe the same way. The Get operations answer with members the list items lack (which image, which run);
    // these keep them, so that a step got by id pipes into Send-IbStepAction, which needs the image's ARN.

    public sealed partial class WorkflowExecutionMetadata
    {
        /// <summary>The image build the workflow ran for.</summary>
        public string? ImageBuildVersionArn { get; set; }

        /// <summary>The run a GetWorkflowExecution call describes.</summary>
        public static WorkflowExecutionMetadata From(GetWorkflowExecutionResponse response) => new()
        {
            WorkflowBuildVersionArn = response.WorkflowBuildVersionArn,
            WorkflowExecutionId = response.WorkflowExecutionId,
            ImageBuildVersionArn = response.ImageBuildVersionArn,
            Type = response.Type,
            Status = response.Status,
            Message = response.Message,
            TotalStepCount = response.TotalStepCount,
            TotalStepsSucceeded = response.TotalStepsSucceeded,
            TotalStepsFailed = response.TotalStepsFailed,
            TotalStepsSkipped = response.TotalStepsSkipped,
            StartTime = response.StartTime,
            EndTime = response.EndTime,
            ParallelGroup = response.ParallelGroup,
        };
    }

    public sealed partial class WorkflowStepMetadata
    {
        /// <summary>The workflow run the step belongs to.</summary>
        public string? WorkflowExecutionId { get; set; }

        /// <summary>The image build the step ran for.</summary>
        public string? ImageBuildVersionArn { get; set; }

        /// <summary>The workflow build version the step is part of.</summary>
        public string? WorkflowBuildVersionArn { get; set; }

        /// <summary>What the workflow does when the step fails (CONTINUE or ABORT); known when the step is got by id.</summary>
        public string? OnFailure { get; set; }

        /// <summary>How long the step may run; known when the step is got by id.</summary>
        public int? TimeoutSeconds { get; set; }

        /// <summary>The step a GetWorkflowStepExecution call describes.</summary>
        public static WorkflowStepMetadata From(GetWorkflowStepExecutionResponse response) => new()
        {
            StepExecutionId = response.StepExecutionId,
            Name = response.Name,
            Description = response.Description,
            Action = response.Action,
            Status = response.Status,
            RollbackStatus = response.RollbackStatus,
            Message = response.Message,
            Inputs = response.Inputs,
            Outputs = response.Outputs,
            StartTime = response.StartTime,
            EndTime = response.EndTime,
            WorkflowExecutionId = response.WorkflowExecutionId,
            ImageBuildVersionArn = response.ImageBuildVersionArn,
            WorkflowBuildVersionArn = response.WorkflowBuildVersionArn,
            OnFailure = response.OnFailure,
            TimeoutSeconds = response.TimeoutSeconds,
        };
    }

    /// <summary>
    /// What GetMarketplaceResource gives for a subscribed Marketplace resource: the document itself, or a short-lived
    /// URL to download its artifact from.
    /// </summary>
    public sealed partial class MarketplaceResource
    {
        public string? ResourceArn { get; set; }

        /// <summary>What was asked for: COMPONENT_DATA or COMPONENT_ARTIFACT.</summary>
        public string? ResourceType { get; set; }

        /// <summary>A presigned URL for an artifact; it expires after a few minutes.</summary>
        public string? Url { get; set; }

        /// <summary>The component document, for COMPONENT_DATA.</summary>
        public string? Data { get; set; }
    }
}
