using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.DistributionConfigurations
{
    /// <summary>
    /// Creates a distribution configuration, where and how built images are copied and shared
    /// (CreateDistributionConfiguration), and writes it.
    /// </summary>
    [ApiOperation("imagebuilder", "CreateDistributionConfiguration")]
    [Cmdlet(VerbsCommon.New, "IbDistributionConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DistributionConfiguration))]
    public sealed class NewIbDistributionConfigurationCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [Alias("Distributions")]
        [ApiMember("distributions")]
        [DistributionTransformation]
        public Distribution[] Distribution { get; set; } = Array.Empty<Distribution>();

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var request = new CreateDistributionConfigurationRequest
            {
                Name = Name,
                Description = Description,
                Distributions = Distribution.ToList(),
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var target = $"{Name} ({string.Join(", ", Distribution.Select(d => d.Region))})";
            if (!Validate(request, Name) || !ShouldProcess(target, "Create distribution configuration"))
            {
                return;
            }
            if (Call(IbOperations.CreateDistributionConfiguration, request, Name) is { DistributionConfigurationArn: { } arn })
            {
                WriteCreated(IbOperations.GetDistributionConfiguration,
                    new GetDistributionConfigurationRequest { DistributionConfigurationArn = arn }, arn,
                    r => r.DistributionConfiguration,
                    () => new DistributionConfiguration { Arn = arn, Name = Name, Description = Description, Distributions = request.Distributions, Tags = request.Tags },
                    $"Get-IbDistributionConfiguration -Arn {arn}");
            }
        }
    }
}
