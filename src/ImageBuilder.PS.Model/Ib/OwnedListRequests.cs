namespace ImageBuilder.PS.Model.Ib
{
    /// <summary>A List request that can list another owner's resources (Amazon's, shared ones): -Owner.</summary>
    public interface IOwnerListRequest
    {
        string? Owner { get; set; }
    }

    /// <summary>An owner's List request that can fold versions into one item per name (byName).</summary>
    public interface IByNameListRequest : IOwnerListRequest
    {
        bool? ByName { get; set; }
    }

    // The generated requests already have these members; the declarations only name what they share.
    public sealed partial class ListImagesRequest : IByNameListRequest { }

    public sealed partial class ListComponentsRequest : IByNameListRequest { }

    public sealed partial class ListWorkflowsRequest : IByNameListRequest { }

    public sealed partial class ListImageRecipesRequest : IOwnerListRequest { }

    public sealed partial class ListContainerRecipesRequest : IOwnerListRequest { }
}
