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
    public sealed class RemoveIbInfrastructureConfigurationCommand : RemoveCmdlet<DeleteInfrastructureConfigurationRequest, DeleteInfrastructureConfigurationResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("InfrastructureConfigurationArn")]
        [ApiMember("infrastructureConfigurationArn")]
        [ArgumentCompleter(typeof(InfrastructureConfigurationArnCompleter))]
        public override string Arn { get; set; } = "";

        public RemoveIbInfrastructureConfigurationCommand() : base(IbOperations.DeleteInfrastructureConfiguration, "infrastructure configuration", arn => new() { InfrastructureConfigurationArn = arn }, r => r.InfrastructureConfigurationArn) { }
    }
}
