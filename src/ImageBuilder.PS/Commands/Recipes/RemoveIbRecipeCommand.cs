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
    public sealed class RemoveIbRecipeCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageRecipeArn", "RecipeArn")]
        [ApiMember("imageRecipeArn")]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new DeleteImageRecipeRequest { ImageRecipeArn = Arn };
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Delete image recipe", Force))
            {
                return;
            }
            if (Call(IbOperations.DeleteImageRecipe, request, Arn) is { } deleted && PassThru)
            {
                WriteObject(deleted.ImageRecipeArn ?? Arn);
            }
        }
    }
}
