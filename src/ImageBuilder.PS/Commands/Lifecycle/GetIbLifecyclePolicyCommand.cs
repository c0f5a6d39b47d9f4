using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Lifecycle
{
    /// <summary>Lists lifecycle policies (ListLifecyclePolicies), or gets one with its rules (GetLifecyclePolicy).</summary>
    [ApiOperation("imagebuilder", "ListLifecyclePolicies", "GetLifecyclePolicy")]
    [Cmdlet(VerbsCommon.Get, "IbLifecyclePolicy", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(LifecyclePolicySummary), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(LifecyclePolicy), ParameterSetName = new[] { ArnSet })]
    public sealed class GetIbLifecyclePolicyCommand : IbCmdlet
    {
        private const string ListSet = "List";
        private const string ArnSet = "Arn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("LifecyclePolicyArn")]
        [ApiMember("lifecyclePolicyArn")]
        [ArgumentCompleter(typeof(LifecyclePolicyArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(LifecyclePolicyNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(LifecyclePolicyStatusCompleter))]
        public string? Status { get; set; }

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
                var request = new GetLifecyclePolicyRequest { LifecyclePolicyArn = Arn };
                if (Validate(request, Arn) && Call(IbOperations.GetLifecyclePolicy, request, Arn) is { } response)
                {
                    WriteObject(response.LifecyclePolicy);
                }
                return;
            }
            var filters = new ListFilters(Filter, Warn).AddName(Name).Add("status", nameof(Status), Status, IbValues.LifecyclePolicyStatus.All);
            var list = new ListLifecyclePoliciesRequest { Filters = filters.ToList(), MaxResults = MaxResults };
            if (Validate(list, null, filters))
            {
                var pattern = filters.NamePattern;
                WriteNamedPages("lifecycle policy", Name, IbOperations.ListLifecyclePolicies, list, null,
                    pattern is null ? null : item => pattern.IsMatch(item.Name ?? ""));
            }
        }
    }
}
