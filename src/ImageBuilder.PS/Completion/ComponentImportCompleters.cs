using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Completion
{
    public sealed class ComponentFormatCompleter : KnownValuesCompleter
    {
        public ComponentFormatCompleter() : base(IbValues.ComponentFormat.All) { }
    }

    public sealed class MarketplaceResourceTypeCompleter : KnownValuesCompleter
    {
        public MarketplaceResourceTypeCompleter() : base(IbValues.MarketplaceResourceType.All) { }
    }
}
