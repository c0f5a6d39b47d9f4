using System;
using System.Management.Automation;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// A Remove- cmdlet that deletes one resource by its ARN: asks first (ConfirmImpact High, -Force skips the
    /// question), and with -PassThru writes the ARN the service says it deleted. A cmdlet names its operation and
    /// noun, and overrides <see cref="Arn"/> with its own aliases, [ApiMember] and completer.
    /// </summary>
    public abstract class RemoveCmdlet<TRequest, TResponse> : IbCmdlet
        where TRequest : class, IAwsStructure
        where TResponse : class, IAwsStructure
    {
        private readonly OperationDef<TRequest, TResponse> _operation;
        private readonly string _noun;
        private readonly Func<string, TRequest> _request;
        private readonly Func<TResponse, string?> _deleted;

        /// <param name="noun">What is deleted, as -WhatIf and the question say it: "image recipe".</param>
        /// <param name="request">The delete request for an ARN.</param>
        /// <param name="deleted">The ARN the answer names (the given one is written when it names none).</param>
        private protected RemoveCmdlet(OperationDef<TRequest, TResponse> operation, string noun, Func<string, TRequest> request, Func<TResponse, string?> deleted)
        {
            _operation = operation;
            _noun = noun;
            _request = request;
            _deleted = deleted;
        }

        /// <summary>The resource to delete; each cmdlet declares it as a parameter with its own aliases and completer.</summary>
        public abstract string Arn { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = _request(Arn);
            if (!Validate(request, Arn) || !ShouldProcess(Arn, "Delete " + _noun, Force))
            {
                return;
            }
            if (Call(_operation, request, Arn) is { } deleted && PassThru)
            {
                WriteObject(_deleted(deleted) ?? Arn);
            }
        }
    }
}
