using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Recipes
{
    /// <summary>Lists image recipes (ListImageRecipes), or gets one recipe in full, components included (GetImageRecipe).</summary>
    [ApiOperation("imagebuilder", "ListImageRecipes", "GetImageRecipe")]
    [Cmdlet(VerbsCommon.Get, "IbRecipe", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(ImageRecipeSummary), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(ImageRecipe), ParameterSetName = new[] { ArnSet })]
    public sealed class GetIbRecipeCommand : IbCmdlet
    {
        private const string ListSet = "List";
        private const string ArnSet = "Arn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageRecipeArn", "RecipeArn")]
        [ApiMember("imageRecipeArn")]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RecipeNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(OwnershipCompleter))]
        public string? Owner { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string? Platform { get; set; }

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
                var request = new GetImageRecipeRequest { ImageRecipeArn = Arn };
                if (Validate(request, Arn) && Call(IbOperations.GetImageRecipe, request, Arn) is { } response)
                {
                    WriteObject(response.ImageRecipe);
                }
                return;
            }
            var filters = new ListFilters(Filter, Warn).AddName(Name).Add("platform", nameof(Platform), Platform, IbValues.Platform.All).Add("parentImage", nameof(ParentImage), ParentImage);
            var list = new ListImageRecipesRequest { Owner = Owner, Filters = filters.ToList(), MaxResults = MaxResults };
            if (Validate(list, null, filters))
            {
                var pattern = filters.NamePattern;
                WriteNamedPages("image recipe", Name, IbOperations.ListImageRecipes, list, null,
                    pattern is null ? null : item => pattern.IsMatch(item.Name ?? ""));
            }
        }
    }
}
