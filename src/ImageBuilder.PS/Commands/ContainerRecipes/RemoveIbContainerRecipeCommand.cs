using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.ContainerRecipes
{
    /// <summary>Deletes a container recipe version (DeleteContainerRecipe).</summary>
    [ApiOperation("imagebuilder", "DeleteContainerRecipe")]
    [Cmdlet(VerbsCommon.Remove, "IbContainerRecipe", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbContainerRecipeCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerRecipeArn")]
        [ApiMember("containerRecipeArn")]
        [ArgumentCompleter(typeof(ContainerRecipeArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new DeleteContainerRecipeRequest { ContainerRecipeArn = Arn };
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Delete container recipe", Force))
            {
                return;
            }
            if (Call(IbOperations.DeleteContainerRecipe, request, Arn) is { } deleted && PassThru)
            {
                WriteObject(deleted.ContainerRecipeArn ?? Arn);
            }
        }
    }
}
