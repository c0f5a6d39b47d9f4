using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Recipes
{
    /// <summary>Sets the resource policy that shares an image recipe with other accounts (PutImageRecipePolicy).</summary>
    [ApiOperation("imagebuilder", "PutImageRecipePolicy")]
    [Cmdlet(VerbsCommon.Set, "IbRecipePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class SetIbRecipePolicyCommand : SetPolicyCmdlet<PutImageRecipePolicyRequest, PutImageRecipePolicyResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageRecipeArn", "RecipeArn")]
        [ApiMember("imageRecipeArn")]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public override string Arn { get; set; } = "";

        public SetIbRecipePolicyCommand() : base(IbOperations.PutImageRecipePolicy, "image recipe", (arn, policy) => new() { ImageRecipeArn = arn, Policy = policy }, r => r.ImageRecipeArn) { }
    }
}
