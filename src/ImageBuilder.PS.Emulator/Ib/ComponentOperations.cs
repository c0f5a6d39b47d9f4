using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>Components: create (from YAML), import (from a script), get, list, list builds, delete, resource policy.</summary>
internal sealed class ComponentOperations
{
    private readonly EmulatorState _state;

    public ComponentOperations(EmulatorState state) => _state = state;

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.CreateComponent, Create);
        table.Add(IbOperations.ImportComponent, Import);
        table.Add(IbOperations.GetComponent, Get);
        table.Add(IbOperations.ListComponents, List);
        table.Add(IbOperations.ListComponentBuildVersions, ListBuilds);
        table.Add(IbOperations.DeleteComponent, Delete);
        table.Add(IbOperations.GetComponentPolicy, GetPolicy);
        table.Add(IbOperations.PutComponentPolicy, PutPolicy);
    }

    private CreateComponentResponse Create(CreateComponentRequest request, CallContext call)
    {
        IbSupport.RequireDataOrUri(request.Data, request.Uri, "component");
        var version = IbSupport.ParseVersion(request.SemanticVersion, "semanticVersion");
        var (type, parameters) = request.Data is null ? ("BUILD", new List<DocumentParameter>()) : YamlDocuments.ReadComponent(request.Data);
        var build = NextBuild(request.Name!, version);
        if (request.DryRun == true)
        {
            throw ServiceError.DryRun("The request would have succeeded, but the DryRun parameter was set.");
        }
        var entry = Add(request.Name!, version, build, call.Now, new Component
        {
            Description = request.Description,
            ChangeDescription = request.ChangeDescription,
            Type = type,
            Platform = request.Platform,
            SupportedOsVersions = request.SupportedOsVersions,
            Parameters = parameters.Count == 0 ? null : parameters.Select(p => new ComponentParameterDetail
            {
                Name = p.Name,
                Type = ComponentParameterType(p.Type),
                DefaultValue = p.Default is null ? null : new List<string> { p.Default },
                Description = p.Description,
            }).ToList(),
            // A document in S3 cannot be fetched here; the component keeps a note of where it lives instead.
            Data = request.Data ?? $"# The document is stored at {request.Uri}",
            KmsKeyId = request.KmsKeyId,
            Tags = IbSupport.CopyTags(request.Tags),
        });
        return new CreateComponentResponse
        {
            ClientToken = request.ClientToken,
            ComponentBuildVersionArn = entry.Arn,
            LatestVersionReferences = IbSupport.LatestReferences(_state.Components, entry, withBuild: true),
        };
    }

    /// <summary>Documents write parameter types in any case; the service reports them as String, Integer, Boolean, StringList.</summary>
    private static string ComponentParameterType(string type) => type.ToLowerInvariant() switch
    {
        "integer" => "Integer",
        "boolean" => "Boolean",
        "stringlist" => "StringList",
        _ => "String",
    };

    private ImportComponentResponse Import(ImportComponentRequest request, CallContext call)
    {
        IbSupport.RequireDataOrUri(request.Data, request.Uri, "component");
        var version = IbSupport.ParseVersion(request.SemanticVersion, "semanticVersion");
        var build = NextBuild(request.Name!, version);
        // The service wraps an imported shell script into a component document with one phase of the given type.
        var phase = request.Type == "TEST" ? "test" : "build";
        var script = request.Data ?? $"echo 'Script stored at {request.Uri}'";
        var data = $"name: {request.Name}\nschemaVersion: 1.0\nphases:\n  - name: {phase}\n    steps:\n      - name: Run\n        action: {(request.Platform == "Windows" ? "ExecutePowerShell" : "ExecuteBash")}\n        inputs:\n          commands:\n"
                   + string.Concat(script.Split('\n').Select(line => "            - " + System.Text.Json.JsonSerializer.Serialize(line.TrimEnd('\r')) + "\n"));
        var entry = Add(request.Name!, version, build, call.Now, new Component
        {
            Description = request.Description,
            ChangeDescription = request.ChangeDescription,
            Type = request.Type,
            Platform = request.Platform,
            Data = data,
            KmsKeyId = request.KmsKeyId,
            Tags = IbSupport.CopyTags(request.Tags),
        });
        return new ImportComponentResponse { ClientToken = request.ClientToken, ComponentBuildVersionArn = entry.Arn };
    }

    /// <summary>
    /// The build number a create gets. Since the auto-versioning release (November 2025) a create of a name
    /// and version that exist is no longer refused: the service adds the next build of that version (…/1.0.0/2).
    /// </summary>
    private int NextBuild(string name, SemanticVersion version) => _state.Components.NextBuild(_state.Arns.Build("component", name), version);

    private Entry<Component> Add(string name, SemanticVersion version, int build, DateTime now, Component component)
    {
        var arn = _state.Arns.Build("component", name, version.ToString(), build);
        component.Arn = arn;
        component.Name = name;
        component.Version = version.ToString();
        component.Owner = _state.Settings.Account;
        component.State = new ComponentState { Status = "ACTIVE" };
        component.Encrypted = true;
        component.DateCreated = now;
        var entry = new Entry<Component>(arn, _state.Arns.Build("component", name), Ownership.Self, component, _state.NextSequence())
        {
            Version = version,
            Build = build,
        };
        _state.Components.Add(entry);
        return entry;
    }

    private GetComponentResponse Get(GetComponentRequest request, CallContext call)
    {
        var entry = IbSupport.Resolve(_state.Components, request.ComponentBuildVersionArn!, "componentBuildVersionArn", "component");
        return new GetComponentResponse
        {
            Component = entry.Value,
            LatestVersionReferences = IbSupport.LatestReferences(_state.Components, entry, withBuild: true),
        };
    }

    private ListComponentsResponse List(ListComponentsRequest request, CallContext call)
    {
        var owner = IbSupport.ParseOwner(request.Owner);
        var filters = new ListFilters(request.Filters, "description", "name", "platform", "supportedOsVersion", "type", "version");
        filters.RefuseVersionWithByName(request.ByName);
        // One row per version: its newest build stands for it (or per name, when byName is set).
        var rows = _state.Listing(call.PagingScope, () => _state.Components.All
            .Where(e => e.Owner == owner)
            .Where(e => filters.Matches("description", e.Value.Description) && filters.Matches("name", e.Value.Name) && filters.Matches("platform", e.Value.Platform)
                        && filters.MatchesAny("supportedOsVersion", e.Value.SupportedOsVersions)
                        && filters.Matches("type", e.Value.Type) && filters.Matches("version", e.Value.Version))
            .GroupBy(e => request.ByName == true ? e.Family : e.VersionArn)
            .Select(g => g.Max(EntryOrder<Component>.Instance)!)
            .OrderBy(e => e, EntryOrder<Component>.Instance));
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListComponentsResponse
        {
            ComponentVersionList = page.Items.Select(e => new ComponentVersion
            {
                Arn = e.VersionArn,
                Name = e.Value.Name,
                Version = e.Value.Version,
                Description = e.Value.Description,
                Platform = e.Value.Platform,
                SupportedOsVersions = e.Value.SupportedOsVersions,
                Type = e.Value.Type,
                Owner = e.Value.Owner,
                DateCreated = e.Value.DateCreated,
                Status = e.Value.State?.Status,
                ProductCodes = e.Value.ProductCodes,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private ListComponentBuildVersionsResponse ListBuilds(ListComponentBuildVersionsRequest request, CallContext call)
    {
        IEnumerable<Entry<Component>> builds;
        if (request.ComponentVersionArn is { } versionArn)
        {
            var arn = IbSupport.ParseArn(versionArn, "componentVersionArn", "component");
            builds = _state.Components.Family(IbSupport.Family(arn)).Where(e => e.Version.ToString() == arn.Version);
        }
        else
        {
            builds = _state.Components.All.Where(e => e.Owner == Ownership.Self);
        }
        var rows = builds.OrderBy(e => e, EntryOrder<Component>.Instance).ToList();
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListComponentBuildVersionsResponse
        {
            ComponentSummaryList = page.Items.Select(e => new ComponentSummary
            {
                Arn = e.Arn,
                Name = e.Value.Name,
                Version = e.Value.Version,
                Platform = e.Value.Platform,
                SupportedOsVersions = e.Value.SupportedOsVersions,
                State = e.Value.State,
                Type = e.Value.Type,
                Owner = e.Value.Owner,
                Description = e.Value.Description,
                ChangeDescription = e.Value.ChangeDescription,
                DateCreated = e.Value.DateCreated,
                Tags = e.Value.Tags,
                Publisher = e.Value.Publisher,
                Obfuscate = e.Value.Obfuscate,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private DeleteComponentResponse Delete(DeleteComponentRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Components, request.ComponentBuildVersionArn!);
        IbSupport.RequireOwn(entry);
        var user = Dependencies.RecipesUsing(_state, entry).FirstOrDefault();
        if (user is not null)
        {
            throw ServiceError.Dependency($"The component {entry.Arn} cannot be deleted: the recipe {user} uses it.");
        }
        _state.Components.Remove(entry.Arn);
        return new DeleteComponentResponse { ComponentBuildVersionArn = entry.Arn };
    }

    private GetComponentPolicyResponse GetPolicy(GetComponentPolicyRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Components, request.ComponentArn!);
        return new GetComponentPolicyResponse { Policy = entry.Policy ?? throw ServiceError.NotFound($"The component {entry.Arn} has no resource policy.") };
    }

    private PutComponentPolicyResponse PutPolicy(PutComponentPolicyRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Components, request.ComponentArn!);
        IbSupport.RequireOwn(entry);
        entry.Policy = IbSupport.CheckPolicy(request.Policy!);
        return new PutComponentPolicyResponse { ComponentArn = entry.Arn };
    }
}
