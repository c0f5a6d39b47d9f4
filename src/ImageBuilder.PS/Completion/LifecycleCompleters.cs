using System.Collections;
using System.Collections.Generic;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Completion
{
    public sealed class LifecyclePolicyStatusCompleter : KnownValuesCompleter
    {
        public LifecyclePolicyStatusCompleter() : base(IbValues.LifecyclePolicyStatus.All) { }
    }

    public sealed class LifecyclePolicyResourceTypeCompleter : KnownValuesCompleter
    {
        public LifecyclePolicyResourceTypeCompleter() : base(IbValues.LifecyclePolicyResourceType.All) { }
    }

    public sealed class ResourceStatusCompleter : KnownValuesCompleter
    {
        public ResourceStatusCompleter() : base(IbValues.ResourceStatus.All) { }
    }

    /// <summary>Names of the account's lifecycle policies.</summary>
    public sealed class LifecyclePolicyNameCompleter : LiveCompleter
    {
        protected override ServiceBinding Binding => ServiceBinding.ImageBuilder;
        protected override OperationDef Operation => IbOperations.ListLifecyclePolicies;

        protected override IAwsStructure Request(IDictionary bound) => new ListLifecyclePoliciesRequest { MaxResults = 25 };

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            foreach (var policy in ((ListLifecyclePoliciesResponse)page).LifecyclePolicySummaryList ?? new List<LifecyclePolicySummary>())
            {
                if (policy.Name is { } name) yield return new CompletionValue(name, $"{name} ({policy.ResourceType}, {policy.Status})");
            }
        }
    }

    /// <summary>ARNs of the account's lifecycle policies.</summary>
    public sealed class LifecyclePolicyArnCompleter : LiveCompleter
    {
        protected override ServiceBinding Binding => ServiceBinding.ImageBuilder;
        protected override OperationDef Operation => IbOperations.ListLifecyclePolicies;

        protected override IAwsStructure Request(IDictionary bound) => new ListLifecyclePoliciesRequest { MaxResults = 25 };

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            foreach (var policy in ((ListLifecyclePoliciesResponse)page).LifecyclePolicySummaryList ?? new List<LifecyclePolicySummary>())
            {
                if (policy.Arn is { } arn) yield return new CompletionValue(arn, $"{policy.Name} ({policy.Status})");
            }
        }
    }
}
