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
    public sealed class GetIbRecipePolicyCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageRecipeArn", "RecipeArn")]
        [ApiMember("imageRecipeArn")]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public string Arn { get; set; } = "";

        protected override void ProcessRecord()
        {
            var request = new GetImageRecipePolicyRequest { ImageRecipeArn = Arn };
            if (Validate(request, Arn) && Call(IbOperations.GetImageRecipePolicy, request, Arn) is { } response)
            {
                WriteObject(new ResourcePolicy { Arn = Arn, Policy = response.Policy });
            }
        }
    }
}
