using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>
    /// Applies a resource policy to a component build (PutComponentPolicy), to share it with other accounts. A
    /// version ARN stands for each of its builds.
    /// </summary>
    [ApiOperation("imagebuilder", "PutComponentPolicy")]
    [Cmdlet(VerbsCommon.Set, "IbComponentPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ResourcePolicy))]
    public sealed class SetIbComponentPolicyCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComponentBuildVersionArn", "ComponentArn", "ComponentVersionArn")]
        [ApiMember("componentArn")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
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
            // Listed in full before the first change, so the prompts come after any listing error.
            foreach (var buildArn in ExpandToBuildVersions(Arn, "component", IbOperations.ListComponentBuildVersions).ToList())
            {
                var request = new PutComponentPolicyRequest { ComponentArn = buildArn, Policy = Policy };
                if (!Validate(request, buildArn) || !ShouldProcess(buildArn, "Set component policy"))
                {
                    continue;
                }
                if (Call(IbOperations.PutComponentPolicy, request, buildArn) is { } response && PassThru)
                {
                    WriteObject(new ResourcePolicy { Arn = response.ComponentArn ?? buildArn, Policy = Policy });
                }
            }
        }
    }
}
