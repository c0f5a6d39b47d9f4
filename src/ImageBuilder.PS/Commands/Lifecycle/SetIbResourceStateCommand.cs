using System;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Lifecycle
{
    /// <summary>
    /// Deprecates, disables, deletes or restores an image build (StartResourceStateUpdate), and writes the lifecycle
    /// run that carries the change out. An image version ARN stands for each of its builds.
    /// </summary>
    [ApiOperation("imagebuilder", "StartResourceStateUpdate")]
    [Cmdlet(VerbsCommon.Set, "IbResourceState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(LifecycleExecution))]
    public sealed class SetIbResourceStateCommand : WaitingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Arn", "ImageBuildVersionArn", "ImageArn")]
        [ApiMember("resourceArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        [ArnTransformation]
        public string ResourceArn { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(ResourceStatusCompleter))]
        [ApiMember("state")]
        public string State { get; set; } = "";

        [Parameter]
        public string? ExecutionRole { get; set; }

        [Parameter]
        [Alias("IncludeResources")]
        [ValidateSet("Amis", "Snapshots", "Containers")]
        [ApiMember("includeResources")]
        public string[]? IncludeResource { get; set; }

        [Parameter]
        [ShapeTransformation(typeof(LifecyclePolicyDetailExclusionRulesAmis))]
        [ApiMember("exclusionRules")]
        public LifecyclePolicyDetailExclusionRulesAmis? ExcludeAmi { get; set; }

        [Parameter]
        public DateTime? UpdateAt { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            // The service applies the change to the underlying AMIs, snapshots or containers with the role it is given.
            if (IncludeResource is { Length: > 0 } && string.IsNullOrEmpty(ExecutionRole))
            {
                WriteError(ErrorRecords.InvalidInput("ParameterRequired", "-IncludeResource needs -ExecutionRole: the role Image Builder uses to change those resources.", ResourceArn));
                return;
            }
            foreach (var buildArn in ExpandToBuildVersions(ResourceArn, "image", IbOperations.ListImageBuildVersions).ToList())
            {
                var request = new StartResourceStateUpdateRequest
                {
                    ResourceArn = buildArn,
                    State = new ResourceState { Status = State },
                    ExecutionRole = ExecutionRole,
                    IncludeResources = IncludeResource is null ? null : IncludedResources.ForStateUpdate(IncludeResource, "-IncludeResource"),
                    ExclusionRules = ExcludeAmi is null ? null : new ResourceStateUpdateExclusionRules { Amis = ExcludeAmi },
                    UpdateAt = UpdateAt?.ToUniversalTime(),
                    ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
                };
                if (!Validate(request, buildArn) || !ShouldProcess(buildArn, $"Set state to {State}", Force))
                {
                    continue;
                }
                if (Call(IbOperations.StartResourceStateUpdate, request, buildArn) is { } started)
                {
                    var get = new GetLifecycleExecutionRequest { LifecycleExecutionId = started.LifecycleExecutionId };
                    if (Call(IbOperations.GetLifecycleExecution, get, started.LifecycleExecutionId) is { } response)
                    {
                        WriteLifecycleExecution(response.LifecycleExecution);
                    }
                }
            }
        }
    }
}
