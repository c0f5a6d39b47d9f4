using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.InfrastructureConfigurations
{
    /// <summary>Lists infrastructure configurations (ListInfrastructureConfigurations), or gets one in full (GetInfrastructureConfiguration).</summary>
    [ApiOperation("imagebuilder", "ListInfrastructureConfigurations", "GetInfrastructureConfiguration")]
    [Cmdlet(VerbsCommon.Get, "IbInfrastructureConfiguration", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(InfrastructureConfigurationSummary), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(InfrastructureConfiguration), ParameterSetName = new[] { ArnSet })]
    public sealed class GetIbInfrastructureConfigurationCommand : IbCmdlet
    {
        private const string ListSet = "List";
        private const string ArnSet = "Arn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("InfrastructureConfigurationArn")]
        [ApiMember("infrastructureConfigurationArn")]
        [ArgumentCompleter(typeof(InfrastructureConfigurationArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(InfrastructureConfigurationNameCompleter))]
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
                var request = new GetInfrastructureConfigurationRequest { InfrastructureConfigurationArn = Arn };
                if (Validate(request, Arn) && Call(IbOperations.GetInfrastructureConfiguration, request, Arn) is { } response)
                {
                    WriteObject(response.InfrastructureConfiguration);
                }
                return;
            }
            var filters = new ListFilters(Filter, Warn).AddName(Name);
            var list = new ListInfrastructureConfigurationsRequest { Filters = filters.ToList(), MaxResults = MaxResults };
            if (Validate(list, null, filters))
            {
                var pattern = filters.NamePattern;
                WriteNamedPages("infrastructure configuration", Name, IbOperations.ListInfrastructureConfigurations, list, null,
                    pattern is null ? null : item => pattern.IsMatch(item.Name ?? ""));
            }
        }
    }
}
