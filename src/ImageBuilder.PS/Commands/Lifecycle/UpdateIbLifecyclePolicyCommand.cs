using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
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
        [ValidateTextValues]
        public Hashtable? ResourceTag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            // Recipes and tags together say which images the policy selects: either one replaces the selection.
            var selection = Given(nameof(Recipe)) || Given(nameof(ResourceTag))
                ? new LifecyclePolicyResourceSelection { Recipes = Recipe?.ToList(), TagMap = Tags.From(ResourceTag) }
                : null;
            // A new selection is checked on its own before anything is sent, so that its errors name -Recipe or
            // -ResourceTag. The rest of the request is checked once the current policy has filled it in.
            if (selection is not null && !Validate(selection, Arn))
            {
                return;
            }
            var get = new GetLifecyclePolicyRequest { LifecyclePolicyArn = Arn };
            if (!Validate(get, Arn) || Call(IbOperations.GetLifecyclePolicy, get, Arn) is not { LifecyclePolicy: { } current })
            {
                return;
            }
            var request = UpdateRequests.FromCurrent<UpdateLifecyclePolicyRequest>(current);
            request.LifecyclePolicyArn = current.Arn ?? Arn;
            request.ClientToken = ClientToken ?? Guid.NewGuid().ToString();
            var changed = Apply(request, selection);
            if (!ShouldSendUpdate(request, changed, current, Arn, "lifecycle policy"))
            {
                return;
            }
            if (Call(IbOperations.UpdateLifecyclePolicy, request, Arn) is not null)
            {
                WriteUpdated(IbOperations.GetLifecyclePolicy, get, Arn, r => r.LifecyclePolicy, current, $"Get-IbLifecyclePolicy -Arn {Arn}");
            }
        }

        /// <summary>Sets what the user gave and names what changed; the selection replaces the current one whole.</summary>
        private ChangeList Apply(UpdateLifecyclePolicyRequest request, LifecyclePolicyResourceSelection? selection)
        {
            var changed = new ChangeList(this);
            if (changed.Given(nameof(Description))) request.Description = ChangeList.OrNull(Description);
            if (changed.Given(nameof(Status))) request.Status = Status;
            if (changed.Given(nameof(ExecutionRole))) request.ExecutionRole = ExecutionRole;
            if (changed.Given(nameof(ResourceType))) request.ResourceType = ResourceType;
            if (changed.Given(nameof(Rule))) request.PolicyDetails = Rule?.ToList();
            // | (not ||) so that both are named when both are given.
            if (changed.Given(nameof(Recipe)) | changed.Given(nameof(ResourceTag))) request.ResourceSelection = selection;
            return changed;
        }

        private bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
