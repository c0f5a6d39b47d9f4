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
    public sealed class RemoveIbDistributionConfigurationCommand : RemoveCmdlet<DeleteDistributionConfigurationRequest, DeleteDistributionConfigurationResponse>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DistributionConfigurationArn")]
        [ApiMember("distributionConfigurationArn")]
        [ArgumentCompleter(typeof(DistributionConfigurationArnCompleter))]
        public override string Arn { get; set; } = "";

        public RemoveIbDistributionConfigurationCommand() : base(IbOperations.DeleteDistributionConfiguration, "distribution configuration", arn => new() { DistributionConfigurationArn = arn }, r => r.DistributionConfigurationArn) { }
    }
}
