using System.Collections;
using System.Collections.Generic;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Completion
{
    public sealed class WorkflowTypeCompleter : KnownValuesCompleter
    {
        public WorkflowTypeCompleter() : base(IbValues.WorkflowType.All) { }
    }

    public sealed class WorkflowStepActionCompleter : KnownValuesCompleter
    {
        public WorkflowStepActionCompleter() : base(IbValues.WorkflowStepActionType.All) { }
    }

    /// <summary>Names of the account's workflows (or -Owner's).</summary>
    public sealed class WorkflowNameCompleter : ListItemCompleter
    {
        public WorkflowNameCompleter() : base(ItemListing.OfNames(IbOperations.ListWorkflows, i => i.Name)) { }
    }

    /// <summary>ARNs of the account's workflow versions.</summary>
    public sealed class WorkflowArnCompleter : ListItemCompleter
    {
        public WorkflowArnCompleter() : base(ItemListing.OfArns(IbOperations.ListWorkflows)) { }
    }

    /// <summary>Step executions that wait for an action, the ones Send-IbStepAction can act on.</summary>
    public sealed class WaitingStepCompleter : LiveCompleter
    {
        protected override OperationDef Operation => IbOperations.ListWaitingWorkflowSteps;

        protected override IAwsStructure Request(IDictionary bound) => new ListWaitingWorkflowStepsRequest { MaxResults = 25 };

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            foreach (var step in ((ListWaitingWorkflowStepsResponse)page).Steps ?? new List<WorkflowStepExecution>())
            {
                if (step.StepExecutionId is { } id) yield return new CompletionValue(id, $"{step.Name} of {step.ImageBuildVersionArn}");
            }
        }

        protected override string? NextPage(IAwsStructure page) => ((ListWaitingWorkflowStepsResponse)page).NextToken;
    }
}
