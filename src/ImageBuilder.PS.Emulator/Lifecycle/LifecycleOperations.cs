using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Ib;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Lifecycle;

/// <summary>Lifecycle policies (create, get, list, update, delete), their executions and resources, and resource state updates.</summary>
internal sealed class LifecycleOperations
{
    private readonly EmulatorState _state;
    private readonly LifecycleEngine _engine;

    public LifecycleOperations(EmulatorState state, LifecycleEngine engine)
    {
        _state = state;
        _engine = engine;
    }

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.CreateLifecyclePolicy, Create);
        table.Add(IbOperations.GetLifecyclePolicy, (r, c) =>
            new GetLifecyclePolicyResponse { LifecyclePolicy = IbSupport.Require(_state.LifecyclePolicies, r.LifecyclePolicyArn!).Value });
        table.Add(IbOperations.ListLifecyclePolicies, List);
        table.Add(IbOperations.UpdateLifecyclePolicy, Update);
        table.Add(IbOperations.DeleteLifecyclePolicy, Delete);
        table.Add(IbOperations.ListLifecycleExecutions, ListExecutions);
        table.Add(IbOperations.GetLifecycleExecution, (r, c) =>
            new GetLifecycleExecutionResponse { LifecycleExecution = Find(r.LifecycleExecutionId!).Execution });
        table.Add(IbOperations.ListLifecycleExecutionResources, ListResources);
        table.Add(IbOperations.CancelLifecycleExecution, (r, c) =>
        {
            var record = Find(r.LifecycleExecutionId!);
            _engine.Cancel(record, c.Now);
            return new CancelLifecycleExecutionResponse { LifecycleExecutionId = record.Execution.LifecycleExecutionId };
        });
        table.Add(IbOperations.StartResourceStateUpdate, StartStateUpdate);
    }

    private CreateLifecyclePolicyResponse Create(CreateLifecyclePolicyRequest request, CallContext call)
    {
        var arn = _state.Arns.Build("lifecycle-policy", request.Name!);
        if (_state.LifecyclePolicies.Contains(arn))
        {
            throw ServiceError.AlreadyExists($"The lifecycle policy {arn} already exists.");
        }
        CheckRules(request.PolicyDetails!, request.ResourceSelection!);
        var policy = new LifecyclePolicy
        {
            Arn = arn,
            Name = request.Name,
            Description = request.Description,
            Status = request.Status ?? "ENABLED",
            ExecutionRole = request.ExecutionRole,
            ResourceType = request.ResourceType,
            PolicyDetails = request.PolicyDetails,
            ResourceSelection = request.ResourceSelection,
            DateCreated = call.Now,
            Tags = IbSupport.CopyTags(request.Tags),
        };
        _state.LifecyclePolicies.Add(new Entry<LifecyclePolicy>(arn, arn, Ownership.Self, policy, _state.NextSequence()));
        return new CreateLifecyclePolicyResponse { ClientToken = request.ClientToken, LifecyclePolicyArn = arn };
    }

    private UpdateLifecyclePolicyResponse Update(UpdateLifecyclePolicyRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.LifecyclePolicies, request.LifecyclePolicyArn!);
        CheckRules(request.PolicyDetails!, request.ResourceSelection!);
        var p = entry.Value;
        p.Description = request.Description;
        p.Status = request.Status ?? p.Status;
        p.ExecutionRole = request.ExecutionRole;
        p.ResourceType = request.ResourceType;
        p.PolicyDetails = request.PolicyDetails;
        p.ResourceSelection = request.ResourceSelection;
        p.DateUpdated = call.Now;
        return new UpdateLifecyclePolicyResponse { LifecyclePolicyArn = entry.Arn };
    }

    /// <summary>A policy acts once per action type, ages need units, and a selection names recipes or tags.</summary>
    private static void CheckRules(List<LifecyclePolicyDetail> details, LifecyclePolicyResourceSelection selection)
    {
        if (details.GroupBy(d => d.Action?.Type).Any(g => g.Count() > 1))
        {
            throw ServiceError.InvalidParameterCombination("Each action type may appear in only one policy detail.");
        }
        if (details.Any(d => d.Filter?.Type == "AGE" && d.Filter.Unit is null))
        {
            throw ServiceError.InvalidParameterCombination("An AGE filter needs a unit.");
        }
        if ((selection.Recipes is null || selection.Recipes.Count == 0) && (selection.TagMap is null || selection.TagMap.Count == 0))
        {
            throw ServiceError.InvalidParameterCombination("The resource selection must name recipes or tags.");
        }
    }

    private ListLifecyclePoliciesResponse List(ListLifecyclePoliciesRequest request, CallContext call)
    {
        // The model documents the names Name and Status; the lower-case names are taken as well.
        var filters = new ListFilters(request.Filters, StringComparer.OrdinalIgnoreCase, "name", "resourceType", "status");
        var rows = _state.LifecyclePolicies.All
            .Where(e => filters.Matches("name", e.Value.Name) && filters.Matches("resourceType", e.Value.ResourceType) && filters.Matches("status", e.Value.Status))
            .OrderBy(e => e.Arn, StringComparer.Ordinal).ToList();
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListLifecyclePoliciesResponse
        {
            LifecyclePolicySummaryList = page.Items.Select(e => new LifecyclePolicySummary
            {
                Arn = e.Arn,
                Name = e.Value.Name,
                Description = e.Value.Description,
                Status = e.Value.Status,
                ExecutionRole = e.Value.ExecutionRole,
                ResourceType = e.Value.ResourceType,
                DateCreated = e.Value.DateCreated,
                DateUpdated = e.Value.DateUpdated,
                DateLastRun = e.Value.DateLastRun,
                Tags = e.Value.Tags,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private DeleteLifecyclePolicyResponse Delete(DeleteLifecyclePolicyRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.LifecyclePolicies, request.LifecyclePolicyArn!);
        if (_state.LifecycleExecutions.Values.Any(r => !r.Done && r.Execution.LifecyclePolicyArn == entry.Arn))
        {
            throw ServiceError.Dependency($"The lifecycle policy {entry.Arn} has an execution in progress.");
        }
        _state.LifecyclePolicies.Remove(entry.Arn);
        return new DeleteLifecyclePolicyResponse { LifecyclePolicyArn = entry.Arn };
    }

    private ListLifecycleExecutionsResponse ListExecutions(ListLifecycleExecutionsRequest request, CallContext call)
    {
        var arn = request.ResourceArn!;
        if (!_state.LifecyclePolicies.Contains(arn) && !_state.Images.Contains(arn))
        {
            throw ServiceError.NotFound($"The resource {arn} does not exist.");
        }
        var rows = _state.LifecycleExecutions.Values
            .Where(r => r.Execution.LifecyclePolicyArn == arn || r.ResourceArn == arn || r.Changes.Any(c => c.ImageArn == arn))
            .OrderByDescending(r => r.Execution.StartTime).ThenBy(r => r.Execution.LifecycleExecutionId, StringComparer.Ordinal)
            .Select(r => r.Execution).ToList();
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListLifecycleExecutionsResponse { LifecycleExecutions = page.Items, NextToken = page.NextToken };
    }

    private ListLifecycleExecutionResourcesResponse ListResources(ListLifecycleExecutionResourcesRequest request, CallContext call)
    {
        var record = Find(request.LifecycleExecutionId!);
        List<LifecycleExecutionResource> rows;
        if (request.ParentResourceId is { } parent)
        {
            // The children of an AMI are its snapshots.
            rows = record.Changes.Where(c => c.Resource.ResourceId == parent)
                .SelectMany(c => (c.Resource.Snapshots ?? new List<LifecycleExecutionSnapshotResource>()).Select(s => new LifecycleExecutionResource
                {
                    AccountId = c.Resource.AccountId,
                    ResourceId = s.SnapshotId,
                    State = s.State,
                    Action = c.Resource.Action,
                    Region = c.Resource.Region,
                    StartTime = c.Resource.StartTime,
                    EndTime = c.Resource.EndTime,
                })).ToList();
        }
        else
        {
            rows = record.Changes.Select(c => c.Resource).ToList();
        }
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListLifecycleExecutionResourcesResponse
        {
            LifecycleExecutionId = record.Execution.LifecycleExecutionId,
            LifecycleExecutionState = record.Execution.State,
            Resources = page.Items,
            NextToken = page.NextToken,
        };
    }

    private StartResourceStateUpdateResponse StartStateUpdate(StartResourceStateUpdateRequest request, CallContext call)
    {
        var image = IbSupport.Require(_state.Images, request.ResourceArn!);
        IbSupport.RequireOwn(image);
        if (_state.ActiveBuilds.ContainsKey(image.Arn) || image.Value.State?.Status is "FAILED" or "CANCELLED")
        {
            throw ServiceError.InUse($"The image {image.Arn} is {image.Value.State?.Status}; only built images change state.");
        }
        if (image.Value.State?.Status == "DELETED")
        {
            throw ServiceError.InUse($"The image {image.Arn} is deleted.");
        }
        var record = _engine.UpdateState(image, request.State!.Status!, request.UpdateAt, call.Now);
        return new StartResourceStateUpdateResponse { LifecycleExecutionId = record.Execution.LifecycleExecutionId, ResourceArn = image.Arn };
    }

    private LifecycleExecutionRecord Find(string id) =>
        _state.LifecycleExecutions.TryGetValue(id, out var record) ? record : throw ServiceError.NotFound($"The lifecycle execution {id} does not exist.");
}
