using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Recipes
{
    /// <summary>Gets the resource policy that shares an image recipe with other accounts (GetImageRecipePolicy), with the recipe it belongs to.</summary>
    [ApiOperation("imagebuilder", "GetImageRecipePolicy")]
    [Cmdlet(VerbsCommon.Get, "IbRecipePolicy")]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class GetIbRecipePolicyCommand : GetPolicyCmdlet<GetImageRecipePolicyRequest, GetImageRecipePolicyResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageRecipeArn", "RecipeArn")]
        [ApiMember("imageRecipeArn")]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public override string Arn { get; set; } = "";

        public GetIbRecipePolicyCommand() : base(IbOperations.GetImageRecipePolicy, arn => new() { ImageRecipeArn = arn }, r => r.Policy) { }
    }
}
