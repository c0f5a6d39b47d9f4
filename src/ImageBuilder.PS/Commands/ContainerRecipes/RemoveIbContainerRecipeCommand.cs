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
    public sealed class RemoveIbContainerRecipeCommand : RemoveCmdlet<DeleteContainerRecipeRequest, DeleteContainerRecipeResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerRecipeArn")]
        [ApiMember("containerRecipeArn")]
        [ArgumentCompleter(typeof(ContainerRecipeArnCompleter))]
        public override string Arn { get; set; } = "";

        public RemoveIbContainerRecipeCommand() : base(IbOperations.DeleteContainerRecipe, "container recipe", arn => new() { ContainerRecipeArn = arn }, r => r.ContainerRecipeArn) { }
    }
}
