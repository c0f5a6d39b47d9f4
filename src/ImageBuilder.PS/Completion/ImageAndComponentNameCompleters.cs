using System.Collections;
using ImageBuilder.PS.Protocol;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Completion
{
    /// <summary>Names of the account's images (or -Owner's).</summary>
    public sealed class ImageNameCompleter : ListItemCompleter
    {
        public ImageNameCompleter() : base(ItemListing.OfNames(IbOperations.ListImages, i => i.Name)) { }
    }

    /// <summary>ARNs of the account's image versions.</summary>
    public sealed class ImageArnCompleter : ListItemCompleter
    {
        public ImageArnCompleter() : base(ItemListing.OfArns(IbOperations.ListImages)) { }
    }

    /// <summary>
    /// Parent images for a recipe: Amazon's images, the usual start, unless -Owner on the line says otherwise.
    /// (An image of the account's own is usually at hand in a variable.)
    /// </summary>
    public sealed class ParentImageCompleter : ListItemCompleter
    {
        public ParentImageCompleter() : base(ItemListing.OfArns(IbOperations.ListImages)) { }

        protected override IAwsStructure Request(IDictionary bound)
        {
            var request = (ListImagesRequest)base.Request(bound);
            request.Owner ??= "Amazon";
            return request;
        }
    }

    /// <summary>Names of the account's components (or -Owner's).</summary>
    public sealed class ComponentNameCompleter : ListItemCompleter
    {
        public ComponentNameCompleter() : base(ItemListing.OfNames(IbOperations.ListComponents, i => i.Name)) { }
    }

    /// <summary>ARNs of the account's component versions.</summary>
    public sealed class ComponentArnCompleter : ListItemCompleter
    {
        public ComponentArnCompleter() : base(ItemListing.OfArns(IbOperations.ListComponents)) { }
    }
}
