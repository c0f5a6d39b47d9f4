using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Recipes
{
    /// <summary>Sets the resource policy that shares an image recipe with other accounts (PutImageRecipePolicy).</summary>
    [ApiOperation("imagebuilder", "PutImageRecipePolicy")]
    [Cmdlet(VerbsCommon.Set, "IbRecipePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class SetIbRecipePolicyCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageRecipeArn", "RecipeArn")]
        [ApiMember("imageRecipeArn")]
        [ArgumentCompleter(typeof(RecipeArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [PolicyTransformation]
        public string Policy { get; set; } = "";

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (PolicyText.Refusal(Policy) is { } refusal)
            {
                WriteError(refusal);
                return;
            }
            var request = new PutImageRecipePolicyRequest { ImageRecipeArn = Arn, Policy = Policy };
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Set image recipe policy"))
            {
                return;
            }
            if (Call(IbOperations.PutImageRecipePolicy, request, Arn) is { } response && PassThru)
            {
                WriteObject(new ResourcePolicy { Arn = response.ImageRecipeArn ?? Arn, Policy = Policy });
            }
        }
    }
}
