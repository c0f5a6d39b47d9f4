using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.DistributionConfigurations
{
    /// <summary>Lists distribution configurations (ListDistributionConfigurations), or gets one in full (GetDistributionConfiguration).</summary>
    [ApiOperation("imagebuilder", "ListDistributionConfigurations", "GetDistributionConfiguration")]
    [Cmdlet(VerbsCommon.Get, "IbDistributionConfiguration", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(DistributionConfigurationSummary), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(DistributionConfiguration), ParameterSetName = new[] { ArnSet })]
    public sealed class GetIbDistributionConfigurationCommand : IbCmdlet
    {
        private const string ListSet = "List";
        private const string ArnSet = "Arn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("DistributionConfigurationArn")]
        [ApiMember("distributionConfigurationArn")]
        [ArgumentCompleter(typeof(DistributionConfigurationArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(DistributionConfigurationNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ShapeTransformation(typeof(Filter))]
        [ApiMember("filters")]
        public Filter[]? Filter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ArnSet)
            {
                var request = new GetDistributionConfigurationRequest { DistributionConfigurationArn = Arn };
                if (Validate(request, Arn) && Call(IbOperations.GetDistributionConfiguration, request, Arn) is { } response)
                {
                    WriteObject(response.DistributionConfiguration);
                }
                return;
            }
            var filters = new ListFilters(Filter, Warn).AddName(Name);
            var list = new ListDistributionConfigurationsRequest { Filters = filters.ToList(), MaxResults = MaxResults };
            if (Validate(list, null, filters))
            {
                var pattern = filters.NamePattern;
                WriteNamedPages("distribution configuration", Name, IbOperations.ListDistributionConfigurations, list, null,
                    pattern is null ? null : item => pattern.IsMatch(item.Name ?? ""));
            }
        }
    }
}
