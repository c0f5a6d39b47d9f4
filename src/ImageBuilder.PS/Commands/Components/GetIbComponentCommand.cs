using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>Lists components (ListComponents), or gets one component in full, document included (GetComponent).</summary>
    [ApiOperation("imagebuilder", "ListComponents", "GetComponent")]
    [Cmdlet(VerbsCommon.Get, "IbComponent", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(ComponentVersion), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(Component), ParameterSetName = new[] { ArnSet })]
    public sealed class GetIbComponentCommand : IbCmdlet
    {
        private const string ListSet = "List";
        private const string ArnSet = "Arn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ComponentBuildVersionArn", "ComponentArn", "ComponentVersionArn")]
        [ApiMember("componentBuildVersionArn")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ComponentNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(OwnershipCompleter))]
        public string? Owner { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string? Platform { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public string? SupportedOsVersion { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ComponentTypeCompleter))]
        public string? Type { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public string? Version { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ShapeTransformation(typeof(Filter))]
        [ApiMember("filters")]
        public Filter[]? Filter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter ByName { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int? MaxResults { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ArnSet)
            {
                var request = new GetComponentRequest { ComponentBuildVersionArn = Arn };
                if (Validate(request, Arn) && Call(IbOperations.GetComponent, request, Arn) is { } response)
                {
                    WriteObject(response.Component);
                }
                return;
            }
            var filters = new ListFilters(Filter, Warn).AddName(Name).Add("platform", nameof(Platform), Platform, IbValues.Platform.All).Add("supportedOsVersion", nameof(SupportedOsVersion), SupportedOsVersion).Add("type", nameof(Type), Type, IbValues.ComponentType.All).Add("version", nameof(Version), Version);
            var list = new ListComponentsRequest
            {
                Owner = Owner,
                Filters = filters.ToList(),
                ByName = ByName.IsPresent ? true : null,
                MaxResults = MaxResults,
            };
            if (Validate(list, null, filters))
            {
                var pattern = filters.NamePattern;
                WriteNamedPages("component", Name, IbOperations.ListComponents, list, null,
                    pattern is null ? null : item => pattern.IsMatch(item.Name ?? ""));
            }
        }
    }
}
