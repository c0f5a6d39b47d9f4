using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.DistributionConfigurations
{
    /// <summary>
    /// Changes a distribution configuration (UpdateDistributionConfiguration). The operation replaces the whole
    /// configuration, so the cmdlet reads it first and sends it back with only the given changes: the regions named by
    /// -Distribution get those settings, the regions in -RemoveRegion go, every other region stays as it was.
    /// </summary>
    [ApiOperation("imagebuilder", "UpdateDistributionConfiguration")]
    [Cmdlet(VerbsData.Update, "IbDistributionConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DistributionConfiguration))]
    public sealed class UpdateIbDistributionConfigurationCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DistributionConfigurationArn")]
        [ApiMember("distributionConfigurationArn")]
        [ArgumentCompleter(typeof(DistributionConfigurationArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        [Alias("Distributions")]
        [ApiMember("distributions")]
        [DistributionTransformation]
        public Distribution[]? Distribution { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? RemoveRegion { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var get = new GetDistributionConfigurationRequest { DistributionConfigurationArn = Arn };
            if (!Validate(get, Arn) || Call(IbOperations.GetDistributionConfiguration, get, Arn) is not { DistributionConfiguration: { } current })
            {
                return;
            }
            var request = UpdateRequests.FromCurrent<UpdateDistributionConfigurationRequest>(current);
            request.DistributionConfigurationArn = current.Arn ?? Arn;
            request.ClientToken = ClientToken ?? Guid.NewGuid().ToString();
            var changed = new ChangeList(this);
            if (changed.Given(nameof(Description))) request.Description = ChangeList.OrNull(Description);
            var regions = Regions(request.Distributions ?? new List<Distribution>(), changed);
            if (regions.Count == 0)
            {
                WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"-RemoveRegion would leave {Arn} with no region; a distribution configuration needs at least one. Use Remove-IbDistributionConfiguration to delete it.", Arn));
                return;
            }
            request.Distributions = regions;
            if (!ShouldSendUpdate(request, changed, current, Arn, "distribution configuration"))
            {
                return;
            }
            if (Call(IbOperations.UpdateDistributionConfiguration, request, Arn) is not null)
            {
                WriteUpdated(IbOperations.GetDistributionConfiguration, get, Arn, r => r.DistributionConfiguration, current, $"Get-IbDistributionConfiguration -Arn {Arn}");
            }
        }

        /// <summary>The regions after the change, in their old order with new ones at the end; says what changed.</summary>
        private List<Distribution> Regions(List<Distribution> current, ChangeList changed)
        {
            var result = current.ToList();
            foreach (var given in Distribution ?? Array.Empty<Distribution>())
            {
                var at = result.FindIndex(d => string.Equals(d.Region, given.Region, StringComparison.OrdinalIgnoreCase));
                if (at >= 0) result[at] = given;
                else result.Add(given);
                changed.Add((at >= 0 ? "set " : "add ") + given.Region);
            }
            foreach (var region in RemoveRegion ?? Array.Empty<string>())
            {
                if (result.RemoveAll(d => string.Equals(d.Region, region, StringComparison.OrdinalIgnoreCase)) > 0)
                {
                    changed.Add("remove " + region);
                }
                else
                {
                    WriteWarning($"{Arn} does not distribute to {region}; there is nothing to remove.");
                }
            }
            return result;
        }
    }
}
