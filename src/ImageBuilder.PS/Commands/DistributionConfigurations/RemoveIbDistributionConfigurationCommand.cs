using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.DistributionConfigurations
{
    /// <summary>Deletes distribution configurations (DeleteDistributionConfiguration).</summary>
    [ApiOperation("imagebuilder", "DeleteDistributionConfiguration")]
    [Cmdlet(VerbsCommon.Remove, "IbDistributionConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbDistributionConfigurationCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DistributionConfigurationArn")]
        [ApiMember("distributionConfigurationArn")]
        [ArgumentCompleter(typeof(DistributionConfigurationArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new DeleteDistributionConfigurationRequest { DistributionConfigurationArn = Arn };
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Delete distribution configuration", Force))
            {
                return;
            }
            if (Call(IbOperations.DeleteDistributionConfiguration, request, Arn) is { } deleted && PassThru)
            {
                WriteObject(deleted.DistributionConfigurationArn ?? Arn);
            }
        }
    }
}
