using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.ContainerRecipes
{
    /// <summary>Lists container recipes (ListContainerRecipes), or gets one in full, Dockerfile template included (GetContainerRecipe).</summary>
    [ApiOperation("imagebuilder", "ListContainerRecipes", "GetContainerRecipe")]
    [Cmdlet(VerbsCommon.Get, "IbContainerRecipe", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(ContainerRecipeSummary), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(ContainerRecipe), ParameterSetName = new[] { ArnSet })]
    public sealed class GetIbContainerRecipeCommand : IbCmdlet
    {
        private const string ListSet = "List";
        private const string ArnSet = "Arn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerRecipeArn")]
        [ApiMember("containerRecipeArn")]
        [ArgumentCompleter(typeof(ContainerRecipeArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerRecipeNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(OwnershipCompleter))]
        public string? Owner { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string? Platform { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ContainerTypeCompleter))]
        public string? ContainerType { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public string? ParentImage { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ShapeTransformation(typeof(Filter))]
        [ApiMember("filters")]
        public Filter[]? Filter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ArnSet)
            {
                var request = new GetContainerRecipeRequest { ContainerRecipeArn = Arn };
                if (Validate(request, Arn) && Call(IbOperations.GetContainerRecipe, request, Arn) is { } response)
                {
                    WriteObject(response.ContainerRecipe);
                }
                return;
            }
            var filters = new ListFilters(Filter, Warn).AddName(Name).Add("platform", nameof(Platform), Platform, IbValues.Platform.All).Add("containerType", nameof(ContainerType), ContainerType, IbValues.ContainerType.All).Add("parentImage", nameof(ParentImage), ParentImage);
            var list = new ListContainerRecipesRequest { Owner = Owner, Filters = filters.ToList(), MaxResults = MaxResults };
            if (Validate(list, null, filters))
            {
                var pattern = filters.NamePattern;
                WriteNamedPages("container recipe", Name, IbOperations.ListContainerRecipes, list, null,
                    pattern is null ? null : item => pattern.IsMatch(item.Name ?? ""));
            }
        }
    }
}
