using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// What the Get- and Set- cmdlets of a resource policy share: the resource's ARN (each cmdlet overrides it with its
    /// own aliases, [ApiMember] and completer), its operation, and which ARNs an ARN stands for (an image or
    /// component version stands for each of its builds; <see cref="Targets"/> says so).
    /// </summary>
    public abstract class PolicyCmdlet<TRequest, TResponse> : IbCmdlet
        where TRequest : class, IAwsStructure
        where TResponse : class, IAwsStructure
    {
        private protected PolicyCmdlet(OperationDef<TRequest, TResponse> operation) => Operation = operation;

        /// <summary>The resource whose policy is read or set.</summary>
        public abstract string Arn { get; set; }

        private protected OperationDef<TRequest, TResponse> Operation { get; }

        /// <summary>The ARNs a given ARN stands for: itself, unless the resource's policies belong to builds.</summary>
        private protected virtual IEnumerable<string> Targets(string arn) => new[] { arn };
    }

    /// <summary>Gets a resource policy and writes it with the ARN it belongs to.</summary>
    public abstract class GetPolicyCmdlet<TRequest, TResponse> : PolicyCmdlet<TRequest, TResponse>
        where TRequest : class, IAwsStructure
        where TResponse : class, IAwsStructure
    {
        private readonly Func<string, TRequest> _request;
        private readonly Func<TResponse, string?> _policy;

        /// <param name="request">The read request for an ARN.</param>
        /// <param name="policy">The policy text of the answer.</param>
        private protected GetPolicyCmdlet(OperationDef<TRequest, TResponse> operation, Func<string, TRequest> request, Func<TResponse, string?> policy)
            : base(operation)
        {
            _request = request;
            _policy = policy;
        }

        protected override void ProcessRecord()
        {
            foreach (var arn in Targets(Arn))
            {
                var request = _request(arn);
                if (Validate(request, arn) && Call(Operation, request, arn) is { } response)
                {
                    WriteObject(new ResourcePolicy { Arn = arn, Policy = _policy(response) });
                }
            }
        }
    }

    /// <summary>Sets a resource policy (after a look at the policy text), asking first; -PassThru writes it.</summary>
    public abstract class SetPolicyCmdlet<TRequest, TResponse> : PolicyCmdlet<TRequest, TResponse>
        where TRequest : class, IAwsStructure
        where TResponse : class, IAwsStructure
    {
        private readonly string _noun;
        private readonly Func<string, string, TRequest> _request;
        private readonly Func<TResponse, string?> _applied;

        /// <param name="noun">Whose policy, as -WhatIf and the question say it: "image recipe".</param>
        /// <param name="request">The request for an ARN and a policy.</param>
        /// <param name="applied">The ARN the answer names (the given one is written when it names none).</param>
        private protected SetPolicyCmdlet(OperationDef<TRequest, TResponse> operation, string noun, Func<string, string, TRequest> request, Func<TResponse, string?> applied)
            : base(operation)
        {
            _noun = noun;
            _request = request;
            _applied = applied;
        }

        [Parameter(Mandatory = true, Position = 1)]
        [PolicyTransformation]
        public string Policy { get; set; } = "";

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (PolicyText.Refusal(Policy) is { } refusal)
            {
                WriteError(refusal);
                return;
            }
            // Listed in full before the first change, so that any listing error comes before the prompts.
            foreach (var arn in Targets(Arn).ToList())
            {
                var request = _request(arn, Policy);
                if (!Validate(request, arn) || !ShouldProcess(arn, $"Set {_noun} policy"))
                {
                    continue;
                }
                if (Call(Operation, request, arn) is { } response && PassThru)
                {
                    WriteObject(new ResourcePolicy { Arn = _applied(response) ?? arn, Policy = Policy });
                }
            }
        }
    }
}
