using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Lifecycle;

/// <summary>
/// Runs lifecycle policies (once a day of emulator time, or when asked through the control API) and resource
/// state updates: each run is a lifecycle execution that picks its images, waits one stage on the emulator's
/// clock, then sets their states (DEPRECATED, DISABLED, DELETED, or back to AVAILABLE). Callers hold the lock.
/// </summary>
internal sealed class LifecycleEngine
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly EmulatorState _state;

    public LifecycleEngine(EmulatorState state) => _state = state;

    /// <summary>Runs the daily policy run when a day has passed, and applies executions that are due; true when anything changed.</summary>
    public bool Advance(DateTime now)
    {
        bool changed = false;
        if (now - _state.LastLifecycleRun >= Day)
        {
            _state.LastLifecycleRun = now;
            changed = RunPolicies(now).Count > 0;
        }
        foreach (var record in _state.LifecycleExecutions.Values)
        {
            if (!record.Done && record.ApplyAt <= now)
            {
                Apply(record);
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>Starts an execution for every enabled policy; returns their ids.</summary>
    public List<string> RunPolicies(DateTime now)
    {
        var ids = new List<string>();
        foreach (var policy in _state.LifecyclePolicies.All.Where(p => p.Value.Status == "ENABLED").ToList())
        {
            ids.Add(Run(policy, now).Execution.LifecycleExecutionId!);
        }
        return ids;
    }

    public LifecycleExecutionRecord Run(Entry<LifecyclePolicy> policy, DateTime now)
    {
        // Everything that reads the policy happens before the execution is recorded, so a policy that cannot be
        // applied leaves no execution stuck IN_PROGRESS behind.
        var planned = new Dictionary<string, (Entry<Image> Image, string Action)>(StringComparer.Ordinal);
        var selected = Selected(policy.Value).ToList();
        foreach (var detail in policy.Value.PolicyDetails ?? new List<LifecyclePolicyDetail>())
        {
            foreach (var image in Affected(detail, selected, now))
            {
                var action = detail.Action!.Type!;
                if (!planned.TryGetValue(image.Arn, out var earlier) || Rank(TargetOf(action)) > Rank(TargetOf(earlier.Action)))
                {
                    planned[image.Arn] = (image, action);
                }
            }
        }
        policy.Value.DateLastRun = now;
        var record = NewRecord(policy.Arn, now, now + _state.Settings.StageDuration, null);
        foreach (var (image, action) in planned.Values)
        {
            if (Rank(TargetOf(action)) > Rank(image.Value.State?.Status))
            {
                Plan(record, image, action, $"Selected by lifecycle policy {policy.Value.Name}.", now);
            }
        }
        Finalize(record);
        return record;
    }

    /// <summary>StartResourceStateUpdate: one image to one state, at updateAt or one stage from now.</summary>
    public LifecycleExecutionRecord UpdateState(Entry<Image> image, string status, DateTime? updateAt, DateTime now)
    {
        var applyAt = updateAt is { } at && at > now ? at : now + _state.Settings.StageDuration;
        var record = NewRecord(null, now, applyAt, image.Arn);
        if (updateAt is { } later && later > now)
        {
            record.Execution.State = new LifecycleExecutionState { Status = "PENDING" };
        }
        var action = status switch { "DEPRECATED" => "DEPRECATE", "DISABLED" => "DISABLE", "DELETED" => "DELETE", _ => "AVAILABLE" };
        Plan(record, image, action, "Requested by StartResourceStateUpdate.", now);
        Finalize(record);
        return record;
    }

    public void Cancel(LifecycleExecutionRecord record, DateTime now)
    {
        var status = record.Execution.State?.Status;
        if (record.Done || status is not ("IN_PROGRESS" or "PENDING"))
        {
            throw ServiceError.InUse($"The lifecycle execution {record.Execution.LifecycleExecutionId} is {status} and cannot be cancelled.");
        }
        record.Done = true;
        record.Execution.State = new LifecycleExecutionState { Status = "CANCELLED", Reason = "Cancelled by CancelLifecycleExecution." };
        record.Execution.EndTime = now;
        foreach (var change in record.Changes)
        {
            change.Resource.State = new LifecycleExecutionResourceState { Status = "SKIPPED", Reason = "The execution was cancelled." };
            change.Resource.EndTime = now;
        }
    }

    private LifecycleExecutionRecord NewRecord(string? policyArn, DateTime now, DateTime applyAt, string? resourceArn)
    {
        var record = new LifecycleExecutionRecord(new LifecycleExecution
        {
            LifecycleExecutionId = Ids.LifecycleExecution(),
            LifecyclePolicyArn = policyArn,
            State = new LifecycleExecutionState { Status = "IN_PROGRESS" },
            StartTime = now,
        }, applyAt, resourceArn);
        _state.LifecycleExecutions[record.Execution.LifecycleExecutionId!] = record;
        return record;
    }

    private static void Finalize(LifecycleExecutionRecord record) =>
        record.Execution.ResourcesImpactedSummary = new LifecycleExecutionResourcesImpactedSummary { HasImpactedResources = record.Changes.Count > 0 };

    private void Plan(LifecycleExecutionRecord record, Entry<Image> image, string action, string reason, DateTime now)
    {
        var ami = image.Value.OutputResources?.Amis?.FirstOrDefault();
        var resource = new LifecycleExecutionResource
        {
            AccountId = _state.Settings.Account,
            ResourceId = ami?.Image ?? image.Arn,
            State = new LifecycleExecutionResourceState { Status = "IN_PROGRESS" },
            Action = new LifecycleExecutionResourceAction { Name = action, Reason = reason },
            Region = ami?.Region ?? _state.Settings.Region,
            Snapshots = ami is null ? null : new List<LifecycleExecutionSnapshotResource>
            {
                new() { SnapshotId = "snap-" + Ids.Hex(ami.Image!, 17), State = new LifecycleExecutionResourceState { Status = "IN_PROGRESS" } },
            },
            ImageUris = image.Value.OutputResources?.Containers?.SelectMany(c => c.ImageUris ?? new List<string>()).ToList(),
            StartTime = now,
        };
        record.Changes.Add(new PlannedChange(image.Arn, action, TargetOf(action), resource));
    }

    private void Apply(LifecycleExecutionRecord record)
    {
        var at = record.ApplyAt;
        record.Done = true;
        foreach (var change in record.Changes)
        {
            var image = _state.Images.Get(change.ImageArn);
            if (image is null)
            {
                change.Resource.State = new LifecycleExecutionResourceState { Status = "SKIPPED", Reason = "The image no longer exists." };
            }
            else
            {
                image.Value.State = new ImageState { Status = change.TargetStatus, Reason = change.Resource.Action?.Reason };
                image.Value.LifecycleExecutionId = record.Execution.LifecycleExecutionId;
                image.Value.DeprecationTime = change.TargetStatus == "DEPRECATED" ? at : change.TargetStatus == "AVAILABLE" ? null : image.Value.DeprecationTime;
                change.Resource.State = new LifecycleExecutionResourceState { Status = "SUCCESS" };
            }
            change.Resource.EndTime = at;
            foreach (var snapshot in change.Resource.Snapshots ?? new List<LifecycleExecutionSnapshotResource>())
            {
                snapshot.State = change.Resource.State;
            }
        }
        record.Execution.State = new LifecycleExecutionState { Status = "SUCCESS" };
        record.Execution.EndTime = at;
    }

    /// <summary>The images a policy's resource selection picks: by recipe name and version, or by tag.</summary>
    private IEnumerable<Entry<Image>> Selected(LifecyclePolicy policy)
    {
        var type = policy.ResourceType == "CONTAINER_IMAGE" ? "DOCKER" : "AMI";
        var selection = policy.ResourceSelection;
        foreach (var image in _state.Images.All)
        {
            var value = image.Value;
            if (image.Owner != Ownership.Self || value.Type != type || value.State?.Status is not ("AVAILABLE" or "DEPRECATED" or "DISABLED"))
            {
                continue;
            }
            bool byRecipe = selection?.Recipes?.Any(r =>
                string.Equals(r.Name, value.ImageRecipe?.Name ?? value.ContainerRecipe?.Name ?? value.Name, StringComparison.Ordinal)
                && VersionPattern.TryParse(r.SemanticVersion, out var pattern) && pattern.Matches(image.Version)) == true;
            bool byTag = selection?.TagMap?.Any(t => value.Tags?.TryGetValue(t.Key, out var v) == true && v == t.Value) == true;
            if (byRecipe || byTag)
            {
                yield return image;
            }
        }
    }

    /// <summary>The images one policy rule acts on: beyond the newest N (COUNT), or older than an age (AGE), less exclusions.</summary>
    private static IEnumerable<Entry<Image>> Affected(LifecyclePolicyDetail detail, List<Entry<Image>> selected, DateTime now)
    {
        var filter = detail.Filter!;
        var excludedTags = detail.ExclusionRules?.TagMap ?? detail.ExclusionRules?.Amis?.TagMap;
        var candidates = selected.Where(i => excludedTags is null || !excludedTags.Any(t => i.Value.Tags?.TryGetValue(t.Key, out var v) == true && v == t.Value));
        foreach (var group in candidates.GroupBy(i => i.Family))
        {
            var newestFirst = group.OrderByDescending(i => i.Value.DateCreated).ThenByDescending(i => i, EntryOrder<Image>.Instance).ToList();
            if (filter.Type == "COUNT")
            {
                foreach (var image in newestFirst.Skip(filter.Value ?? 1)) yield return image;
                continue;
            }
            var cutoff = now - Age(filter.Value ?? 1, filter.Unit);
            foreach (var image in newestFirst.Skip(filter.RetainAtLeast ?? 0).Where(i => i.Value.DateCreated < cutoff)) yield return image;
        }
    }

    private static TimeSpan Age(int value, string? unit) => unit switch
    {
        "WEEKS" => TimeSpan.FromDays(7 * value),
        "MONTHS" => TimeSpan.FromDays(30 * value),
        "YEARS" => TimeSpan.FromDays(365 * value),
        _ => TimeSpan.FromDays(value),
    };

    private static string TargetOf(string action) => action switch
    {
        "DEPRECATE" => "DEPRECATED",
        "DISABLE" => "DISABLED",
        "DELETE" => "DELETED",
        _ => "AVAILABLE",
    };

    private static int Rank(string? status) => status switch
    {
        "DEPRECATED" => 1,
        "DISABLED" => 2,
        "DELETED" => 3,
        _ => 0,
    };
}
