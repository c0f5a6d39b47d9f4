using System;
using System.Collections.Generic;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Waiting
{
    /// <summary>One look at a lifecycle policy run, for <see cref="WaitLoop"/>.</summary>
    internal static class LifecycleRunWatcher
    {
        public static WaitObservation<LifecycleExecution>? Observe(IbCmdlet cmdlet, string id)
        {
            var request = new GetLifecycleExecutionRequest { LifecycleExecutionId = id };
            if (new WaitLoop(cmdlet).Poll(IbOperations.GetLifecycleExecution, request, id) is not { LifecycleExecution: { } execution })
            {
                return null;
            }
            var status = execution.State?.Status ?? "PENDING";
            var percent = status switch { "PENDING" => 5, "IN_PROGRESS" => 50, "CANCELLING" => 90, _ => 100 };
            return new WaitObservation<LifecycleExecution>(execution, status, percent)
            {
                Detail = execution.ResourcesImpactedSummary?.HasImpactedResources == true ? "resources affected" : null,
                Succeeded = status == "SUCCESS",
                Failure = status is "FAILED" or "CANCELLED" ? execution.State?.Reason ?? $"The service gives no reason for {status}." : null,
            };
        }
    }
}
