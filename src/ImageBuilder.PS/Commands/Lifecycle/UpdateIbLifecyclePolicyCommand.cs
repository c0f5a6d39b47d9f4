using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Lifecycle
{
    /// <summary>
    /// Changes a lifecycle policy (UpdateLifecyclePolicy). The operation replaces the whole policy, so the cmdlet
    /// reads the current one, changes only what was passed, sends it back, and writes the policy as it is after.
    /// </summary>
    [ApiOperation("imagebuilder", "UpdateLifecyclePolicy")]
    [Cmdlet(VerbsData.Update, "IbLifecyclePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LifecyclePolicy))]
    public sealed class UpdateIbLifecyclePolicyCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("LifecyclePolicyArn")]
        [ApiMember("lifecyclePolicyArn")]
        [ArgumentCompleter(typeof(LifecyclePolicyArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(LifecyclePolicyStatusCompleter))]
        public string? Status { get; set; }

        [Parameter]
        public string? ExecutionRole { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(LifecyclePolicyResourceTypeCompleter))]
        public string? ResourceType { get; set; }

        [Parameter]
        [LifecycleRuleTransformation]
        [ApiMember("policyDetails")]
        public LifecyclePolicyDetail[]? Rule { get; set; }

        [Parameter]
        [ShapeTransformation(typeof(LifecyclePolicyResourceSelectionRecipe))]
        [ApiMember("recipes")]
        public LifecyclePolicyResourceSelectionRecipe[]? Recipe { get; set; }

        [Parameter]
        [ApiMember("tagMap")]
        public Hashtable? ResourceTag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        private static readonly string[] Changeable = { nameof(Description), nameof(Status), nameof(ExecutionRole), nameof(ResourceType), nameof(Rule), nameof(Recipe), nameof(ResourceTag) };

        protected override void ProcessRecord()
        {
            var changes = Changeable.Where(MyInvocation.BoundParameters.ContainsKey).ToList();
            if (changes.Count == 0)
            {
                WriteError(ErrorRecords.InvalidInput("NothingToUpdate",
                    $"Give at least one of -{string.Join(", -", Changeable)} to change in '{Arn}'.", Arn));
                return;
            }
            // Recipes and tags together say which images the policy selects: either one replaces the selection.
            var selection = Changed(nameof(Recipe)) || Changed(nameof(ResourceTag))
                ? new LifecyclePolicyResourceSelection { Recipes = Recipe?.ToList(), TagMap = Tags.From(ResourceTag) }
                : null;
            // A new selection is checked on its own, so that its errors name -Recipe or -ResourceTag. The rest of the
            // request is checked once the current policy has filled it in; only a read has been sent by then.
            if (selection is not null && !Validate(selection, Arn))
            {
                return;
            }
            var get = new GetLifecyclePolicyRequest { LifecyclePolicyArn = Arn };
            if (!Validate(get, Arn) || Call(ServiceBinding.ImageBuilder, IbOperations.GetLifecyclePolicy, get, Arn) is not GetLifecyclePolicyResponse { LifecyclePolicy: { } current })
            {
                return;
            }
            var request = new UpdateLifecyclePolicyRequest
            {
                LifecyclePolicyArn = Arn,
                Description = Changed(nameof(Description)) ? Description : current.Description,
                Status = Changed(nameof(Status)) ? Status : current.Status,
                ExecutionRole = Changed(nameof(ExecutionRole)) ? ExecutionRole : current.ExecutionRole,
                ResourceType = Changed(nameof(ResourceType)) ? ResourceType : current.ResourceType,
                PolicyDetails = Changed(nameof(Rule)) ? Rule?.ToList() : current.PolicyDetails,
                ResourceSelection = selection ?? current.ResourceSelection,
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var target = current.Name ?? Arn;
            if (!Validate(request, Arn) || !ShouldProcess(target, $"Update lifecycle policy ({string.Join(", ", changes)})"))
            {
                return;
            }
            if (Call(ServiceBinding.ImageBuilder, IbOperations.UpdateLifecyclePolicy, request, Arn) is UpdateLifecyclePolicyResponse
                && Call(ServiceBinding.ImageBuilder, IbOperations.GetLifecyclePolicy, get, Arn) is GetLifecyclePolicyResponse after)
            {
                WriteObject(after.LifecyclePolicy);
            }
        }

        private bool Changed(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
