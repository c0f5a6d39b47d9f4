using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.ContainerRecipes
{
    /// <summary>Applies a resource policy to a container recipe (PutContainerRecipePolicy), to share it with other accounts.</summary>
    [ApiOperation("imagebuilder", "PutContainerRecipePolicy")]
    [Cmdlet(VerbsCommon.Set, "IbContainerRecipePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class SetIbContainerRecipePolicyCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerRecipeArn")]
        [ApiMember("containerRecipeArn")]
        [ArgumentCompleter(typeof(ContainerRecipeArnCompleter))]
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
            var request = new PutContainerRecipePolicyRequest { ContainerRecipeArn = Arn, Policy = Policy };
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Set container recipe policy"))
            {
                return;
            }
            if (Call(IbOperations.PutContainerRecipePolicy, request, Arn) is { } response && PassThru)
            {
                WriteObject(new ResourcePolicy { Arn = response.ContainerRecipeArn ?? Arn, Policy = Policy });
            }
        }
    }
}
