using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.ContainerRecipes
{
    /// <summary>Applies a resource policy to a container recipe (PutContainerRecipePolicy), to share it with other accounts.</summary>
    [ApiOperation("imagebuilder", "PutContainerRecipePolicy")]
    [Cmdlet(VerbsCommon.Set, "IbContainerRecipePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class SetIbContainerRecipePolicyCommand : SetPolicyCmdlet<PutContainerRecipePolicyRequest, PutContainerRecipePolicyResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerRecipeArn")]
        [ApiMember("containerRecipeArn")]
        [ArgumentCompleter(typeof(ContainerRecipeArnCompleter))]
        public override string Arn { get; set; } = "";

        public SetIbContainerRecipePolicyCommand() : base(IbOperations.PutContainerRecipePolicy, "container recipe", (arn, policy) => new() { ContainerRecipeArn = arn, Policy = policy }, r => r.ContainerRecipeArn) { }
    }
}
