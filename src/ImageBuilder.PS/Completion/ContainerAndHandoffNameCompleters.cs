using System.Collections;
using System.Collections.Generic;
using ImageBuilder.PS.Model.AppStream;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.WorkSpaces;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Completion
{
    /// <summary>Names of the account's container recipes (or -Owner's).</summary>
    public sealed class ContainerRecipeNameCompleter : ListItemCompleter
    {
        public ContainerRecipeNameCompleter() : base(ItemListing.OfNames(IbOperations.ListContainerRecipes, i => i.Name)) { }
    }

    /// <summary>ARNs of the account's container recipe versions.</summary>
    public sealed class ContainerRecipeArnCompleter : ListItemCompleter
    {
        public ContainerRecipeArnCompleter() : base(ItemListing.OfArns(IbOperations.ListContainerRecipes)) { }
    }

    /// <summary>Names of the AppStream images the account owns (private ones unless -Type says otherwise).</summary>
    public sealed class AppStreamImageNameCompleter : LiveCompleter
    {
        protected override OperationDef Operation => AppStreamOperations.DescribeImages;

        protected override IAwsStructure Request(IDictionary bound) =>
            new DescribeImagesRequest { Type = bound["Type"] as string ?? AppStreamValues.VisibilityType.PRIVATE, MaxResults = 25 };

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            foreach (var image in ((DescribeImagesResult)page).Images ?? new List<Model.AppStream.Image>())
            {
                if (image.Name is { } name) yield return new CompletionValue(name, $"{name} ({image.State}, {image.Platform})");
            }
        }

        protected override string? NextPage(IAwsStructure page) => ((DescribeImagesResult)page).NextToken;
    }

    /// <summary>Ids of the account's WorkSpaces images, with their names as tooltips.</summary>
    public sealed class WorkSpacesImageIdCompleter : LiveCompleter
    {
        protected override OperationDef Operation => WorkSpacesOperations.DescribeWorkspaceImages;

        protected override IAwsStructure Request(IDictionary bound) => new DescribeWorkspaceImagesRequest { MaxResults = 25 };

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            foreach (var image in ((DescribeWorkspaceImagesResult)page).Images ?? new List<WorkspaceImage>())
            {
                if (image.ImageId is { } id) yield return new CompletionValue(id, $"{image.Name} ({image.State})");
            }
        }

        protected override string? NextPage(IAwsStructure page) => ((DescribeWorkspaceImagesResult)page).NextToken;
    }
}
