using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.InfrastructureConfigurations
{
    /// <summary>Deletes infrastructure configurations (DeleteInfrastructureConfiguration).</summary>
    [ApiOperation("imagebuilder", "DeleteInfrastructureConfiguration")]
    [Cmdlet(VerbsCommon.Remove, "IbInfrastructureConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbInfrastructureConfigurationCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("InfrastructureConfigurationArn")]
        [ApiMember("infrastructureConfigurationArn")]
        [ArgumentCompleter(typeof(InfrastructureConfigurationArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new DeleteInfrastructureConfigurationRequest { InfrastructureConfigurationArn = Arn };
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Delete infrastructure configuration", Force))
            {
                return;
            }
            if (Call(IbOperations.DeleteInfrastructureConfiguration, request, Arn) is { } deleted && PassThru)
            {
                WriteObject(deleted.InfrastructureConfigurationArn ?? Arn);
            }
        }
    }
}
