using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Recipes
{
    /// <summary>Deletes image recipe versions (DeleteImageRecipe).</summary>
    [ApiOperation("imagebuilder", "DeleteImageRecipe")]
    [Cmdlet(VerbsCommon.Remove, "IbRecipe", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbRecipeCommand : RemoveCmdlet<DeleteImageRecipeRequest, DeleteImageRecipeResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageRecipeArn", "RecipeArn")]
        [ApiMember("imageRecipeArn")]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public override string Arn { get; set; } = "";

        public RemoveIbRecipeCommand() : base(IbOperations.DeleteImageRecipe, "image recipe", arn => new() { ImageRecipeArn = arn }, r => r.ImageRecipeArn) { }
    }
}
