using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>Tags on every taggable resource, found by ARN across all the resource kinds.</summary>
internal sealed class TagOperations
{
    private readonly EmulatorState _state;

    public TagOperations(EmulatorState state) => _state = state;

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.TagResource, Tag);
        table.Add(IbOperations.UntagResource, Untag);
        table.Add(IbOperations.ListTagsForResource, (r, c) =>
            new ListTagsForResourceResponse { Tags = TagsOf(Find(r.ResourceArn!)) ?? new Dictionary<string, string>() });
    }

    private TagResourceResponse Tag(TagResourceRequest request, CallContext call)
    {
        var resource = Find(request.ResourceArn!, toChange: true);
        var tags = TagsOf(resource) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Tags!)
        {
            tags[key] = value;
        }
        if (tags.Count > 50)
        {
            throw ServiceError.InvalidParameter("A resource can have at most 50 tags.");
        }
        SetTags(resource, tags);
        return new TagResourceResponse();
    }

    private UntagResourceResponse Untag(UntagResourceRequest request, CallContext call)
    {
        var resource = Find(request.ResourceArn!, toChange: true);
        var tags = TagsOf(resource);
        if (tags is not null)
        {
            foreach (var key in request.TagKeys!)
            {
                tags.Remove(key);
            }
        }
        return new UntagResourceResponse();
    }

    /// <summary>The resource an ARN names, of whatever kind; one about to be changed must be the caller's own.</summary>
    private IAwsStructure Find(string arn, bool toChange = false) =>
        ValueOf(_state.Components.Get(arn), toChange)
        ?? ValueOf(_state.ImageRecipes.Get(arn), toChange)
        ?? ValueOf(_state.ContainerRecipes.Get(arn), toChange)
        ?? ValueOf(_state.InfrastructureConfigurations.Get(arn), toChange)
        ?? ValueOf(_state.DistributionConfigurations.Get(arn), toChange)
        ?? ValueOf(_state.Pipelines.Get(arn), toChange)
        ?? ValueOf(_state.Images.Get(arn), toChange)
        ?? ValueOf(_state.Workflows.Get(arn), toChange)
        ?? ValueOf(_state.LifecyclePolicies.Get(arn), toChange)
        ?? throw ServiceError.NotFound($"The resource {arn} does not exist.");

    private static IAwsStructure? ValueOf<T>(Entry<T>? entry, bool toChange) where T : class, IAwsStructure
    {
        if (entry is not null && toChange)
        {
            IbSupport.RequireOwn(entry);
        }
        return entry?.Value;
    }

    // Every taggable structure has a "tags" member; reading it through the shape keeps this one place for all kinds.
    private static Dictionary<string, string>? TagsOf(IAwsStructure resource) =>
        resource.GetShape().FindMember("tags") is { } member ? (Dictionary<string, string>?)resource.GetMember(member.Index) : null;

    private static void SetTags(IAwsStructure resource, Dictionary<string, string> tags)
    {
        var member = resource.GetShape().FindMember("tags") ?? throw ServiceError.InvalidParameter($"The resource {resource.GetShape().Name} cannot be tagged.");
        resource.SetMember(member.Index, tags);
    }
}
