using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.ContainerRecipes
{
    /// <summary>Gets the resource policy that shares a container recipe with other accounts (GetContainerRecipePolicy), with the recipe it belongs to.</summary>
    [ApiOperation("imagebuilder", "GetContainerRecipePolicy")]
    [Cmdlet(VerbsCommon.Get, "IbContainerRecipePolicy")]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class GetIbContainerRecipePolicyCommand : GetPolicyCmdlet<GetContainerRecipePolicyRequest, GetContainerRecipePolicyResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerRecipeArn")]
        [ApiMember("containerRecipeArn")]
        [ArgumentCompleter(typeof(ContainerRecipeArnCompleter))]
        public override string Arn { get; set; } = "";

        public GetIbContainerRecipePolicyCommand() : base(IbOperations.GetContainerRecipePolicy, arn => new() { ContainerRecipeArn = arn }, r => r.Policy) { }
    }
}
