using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Completion
{
    public sealed class LifecyclePolicyStatusCompleter : KnownValuesCompleter
    {
        public LifecyclePolicyStatusCompleter() : base(IbValues.LifecyclePolicyStatus.All) { }
    }

    public sealed class LifecyclePolicyResourceTypeCompleter : KnownValuesCompleter
    {
        public LifecyclePolicyResourceTypeCompleter() : base(IbValues.LifecyclePolicyResourceType.All) { }
    }

    public sealed class ResourceStatusCompleter : KnownValuesCompleter
    {
        public ResourceStatusCompleter() : base(IbValues.ResourceStatus.All) { }
    }

    /// <summary>Names of the account's lifecycle policies.</summary>
    public sealed class LifecyclePolicyNameCompleter : ListItemCompleter
    {
        public LifecyclePolicyNameCompleter() : base(ItemListing.OfNames(IbOperations.ListLifecyclePolicies, i => i.Name)) { }
    }

    /// <summary>ARNs of the account's lifecycle policies.</summary>
    public sealed class LifecyclePolicyArnCompleter : ListItemCompleter
    {
        public LifecyclePolicyArnCompleter() : base(ItemListing.OfArns(IbOperations.ListLifecyclePolicies)) { }
    }
}
