using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>Workflow resources (build, test, distribution): create from YAML, get, list, list builds, delete.</summary>
internal sealed class WorkflowOperations
{
    private readonly EmulatorState _state;

    public WorkflowOperations(EmulatorState state) => _state = state;

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.CreateWorkflow, Create);
        table.Add(IbOperations.GetWorkflow, Get);
        table.Add(IbOperations.ListWorkflows, List);
        table.Add(IbOperations.ListWorkflowBuildVersions, ListBuilds);
        table.Add(IbOperations.DeleteWorkflow, Delete);
    }

    private static string ArnType(string type) => "workflow/" + type.ToLowerInvariant();

    private CreateWorkflowResponse Create(CreateWorkflowRequest request, CallContext call)
    {
        IbSupport.RequireDataOrUri(request.Data, request.Uri, "workflow");
        var version = IbSupport.ParseVersion(request.SemanticVersion, "semanticVersion");
        // A workflow kept in S3 cannot be read here; it gets one step that stands for the document.
        var data = request.Data ?? $"name: {request.Name}\nschemaVersion: 1.0\nsteps:\n  - name: RunDocument\n    action: ExecuteComponents\n    onFailure: Abort\n";
        var (_, parameters) = YamlDocuments.ReadWorkflow(data);
        var type = ArnType(request.Type!);
        var family = _state.Arns.Build(type, request.Name!);
        if (_state.Workflows.Resolve(family, version.ToString(), null) is not null)
        {
            throw ServiceError.InUse($"The workflow version {family}/{version} already exists.");
        }
        if (request.DryRun == true)
        {
            throw ServiceError.DryRun("The request would have succeeded, but the DryRun parameter was set.");
        }
        var arn = _state.Arns.Build(type, request.Name!, version.ToString(), 1);
        var workflow = new Workflow
        {
            Arn = arn,
            Name = request.Name,
            Version = version.ToString(),
            Description = request.Description,
            ChangeDescription = request.ChangeDescription,
            Type = request.Type,
            Owner = _state.Settings.Account,
            Data = data,
            KmsKeyId = request.KmsKeyId,
            DateCreated = call.Now,
            Tags = IbSupport.CopyTags(request.Tags),
            Parameters = parameters.Count == 0 ? null : parameters.Select(p => new WorkflowParameterDetail
            {
                Name = p.Name,
                Type = p.Type,
                DefaultValue = p.Default is null ? null : new List<string> { p.Default },
                Description = p.Description,
            }).ToList(),
        };
        var entry = new Entry<Workflow>(arn, family, Ownership.Self, workflow, _state.NextSequence()) { Version = version, Build = 1 };
        _state.Workflows.Add(entry);
        return new CreateWorkflowResponse
        {
            ClientToken = request.ClientToken,
            WorkflowBuildVersionArn = arn,
            LatestVersionReferences = IbSupport.LatestReferences(_state.Workflows, entry, withBuild: true),
        };
    }

    private GetWorkflowResponse Get(GetWorkflowRequest request, CallContext call)
    {
        var entry = IbSupport.Resolve(_state.Workflows, request.WorkflowBuildVersionArn!, "workflowBuildVersionArn", "workflow/build", "workflow/test", "workflow/distribution");
        return new GetWorkflowResponse { Workflow = entry.Value, LatestVersionReferences = IbSupport.LatestReferences(_state.Workflows, entry, withBuild: true) };
    }

    private ListWorkflowsResponse List(ListWorkflowsRequest request, CallContext call)
    {
        var owner = IbSupport.ParseOwner(request.Owner);
        var filters = new ListFilters(request.Filters, "name");
        var rows = _state.Workflows.All
            .Where(e => e.Owner == owner && filters.Matches("name", e.Value.Name))
            .GroupBy(e => request.ByName == true ? e.Family : e.VersionArn)
            .Select(g => g.Max(EntryOrder<Workflow>.Instance)!)
            .OrderBy(e => e, EntryOrder<Workflow>.Instance).ToList();
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListWorkflowsResponse
        {
            WorkflowVersionList = page.Items.Select(e => new WorkflowVersion
            {
                Arn = e.VersionArn,
                Name = e.Value.Name,
                Version = e.Value.Version,
                Description = e.Value.Description,
                Type = e.Value.Type,
                Owner = e.Value.Owner,
                DateCreated = e.Value.DateCreated,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private ListWorkflowBuildVersionsResponse ListBuilds(ListWorkflowBuildVersionsRequest request, CallContext call)
    {
        IEnumerable<Entry<Workflow>> builds;
        if (request.WorkflowVersionArn is { } versionArn)
        {
            var arn = IbSupport.ParseArn(versionArn, "workflowVersionArn", "workflow/build", "workflow/test", "workflow/distribution");
            VersionPattern.TryParse(arn.Version, out var pattern);
            builds = _state.Workflows.Family(IbSupport.Family(arn)).Where(e => pattern is null || pattern.Matches(e.Version));
        }
        else
        {
            builds = _state.Workflows.All.Where(e => e.Owner == Ownership.Self);
        }
        var rows = builds.OrderBy(e => e, EntryOrder<Workflow>.Instance).ToList();
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListWorkflowBuildVersionsResponse
        {
            WorkflowSummaryList = page.Items.Select(e => new WorkflowSummary
            {
                Arn = e.Arn,
                Name = e.Value.Name,
                Version = e.Value.Version,
                Description = e.Value.Description,
                ChangeDescription = e.Value.ChangeDescription,
                Type = e.Value.Type,
                Owner = e.Value.Owner,
                State = e.Value.State,
                DateCreated = e.Value.DateCreated,
                Tags = e.Value.Tags,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private DeleteWorkflowResponse Delete(DeleteWorkflowRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Workflows, request.WorkflowBuildVersionArn!);
        IbSupport.RequireOwn(entry);
        var pipeline = Dependencies.PipelinesUsingWorkflow(_state, entry).FirstOrDefault();
        if (pipeline is not null)
        {
            throw ServiceError.Dependency($"The workflow {entry.Arn} cannot be deleted: the image pipeline {pipeline} uses it.");
        }
        _state.Workflows.Remove(entry.Arn);
        return new DeleteWorkflowResponse { WorkflowBuildVersionArn = entry.Arn };
    }
}
