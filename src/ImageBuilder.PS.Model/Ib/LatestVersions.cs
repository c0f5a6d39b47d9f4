namespace ImageBuilder.PS.Model.Ib
{
    // Since auto-versioning, the Get operations of components, recipes, container recipes, images and workflows answer
    // with the ARNs of the newest version overall, of the same major, minor and patch version: what a runbook pins a
    // recipe to (1.x.x) without building ARNs by hand. The service puts them beside the resource, not in it; these
    // carry them on the resource the cmdlets write.

    /// <summary>A Get answer whose version references belong on the resource it holds.</summary>
    public interface IHoldsLatestVersionReferences
    {
        /// <summary>Puts the answer's version references on its resource.</summary>
        void CarryLatestVersionReferences();
    }

    public sealed partial class Component
    {
        /// <summary>The newest version of this component overall, of its major, minor and patch version.</summary>
        public LatestVersionReferences? LatestVersionReferences { get; set; }
    }

    public sealed partial class ImageRecipe
    {
        /// <summary>The newest version of this recipe overall, of its major, minor and patch version.</summary>
        public LatestVersionReferences? LatestVersionReferences { get; set; }
    }

    public sealed partial class ContainerRecipe
    {
        /// <summary>The newest version of this container recipe overall, of its major, minor and patch version.</summary>
        public LatestVersionReferences? LatestVersionReferences { get; set; }
    }

    public sealed partial class Image
    {
        /// <summary>The newest build of this image overall, of its major, minor and patch version.</summary>
        public LatestVersionReferences? LatestVersionReferences { get; set; }
    }

    public sealed partial class Workflow
    {
        /// <summary>The newest version of this workflow overall, of its major, minor and patch version.</summary>
        public LatestVersionReferences? LatestVersionReferences { get; set; }
    }

    public sealed partial class GetComponentResponse : IHoldsLatestVersionReferences
    {
        public void CarryLatestVersionReferences()
        {
            if (Component is not null) Component.LatestVersionReferences = LatestVersionReferences;
        }
    }

    public sealed partial class GetImageRecipeResponse : IHoldsLatestVersionReferences
    {
        public void CarryLatestVersionReferences()
        {
            if (ImageRecipe is not null) ImageRecipe.LatestVersionReferences = LatestVersionReferences;
        }
    }

    public sealed partial class GetContainerRecipeResponse : IHoldsLatestVersionReferences
    {
        public void CarryLatestVersionReferences()
        {
            if (ContainerRecipe is not null) ContainerRecipe.LatestVersionReferences = LatestVersionReferences;
        }
    }

    public sealed partial class GetImageResponse : IHoldsLatestVersionReferences
    {
        public void CarryLatestVersionReferences()
        {
            if (Image is not null) Image.LatestVersionReferences = LatestVersionReferences;
        }
    }

    public sealed partial class GetWorkflowResponse : IHoldsLatestVersionReferences
    {
        public void CarryLatestVersionReferences()
        {
            if (Workflow is not null) Workflow.LatestVersionReferences = LatestVersionReferences;
        }
    }
}
