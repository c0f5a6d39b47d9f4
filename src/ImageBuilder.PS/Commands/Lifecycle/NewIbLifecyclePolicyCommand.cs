using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Lifecycle
{
    /// <summary>Creates a lifecycle policy (CreateLifecyclePolicy) and writes the new policy.</summary>
    [ApiOperation("imagebuilder", "CreateLifecyclePolicy")]
    [Cmdlet(VerbsCommon.New, "IbLifecyclePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LifecyclePolicy))]
    public sealed class NewIbLifecyclePolicyCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true)]
        [LifecycleRuleTransformation]
        [ApiMember("policyDetails")]
        public LifecyclePolicyDetail[] Rule { get; set; } = Array.Empty<LifecyclePolicyDetail>();

        [Parameter(Mandatory = true)]
        public string ExecutionRole { get; set; } = "";

        [Parameter]
        [ArgumentCompleter(typeof(LifecyclePolicyResourceTypeCompleter))]
        public string ResourceType { get; set; } = IbValues.LifecyclePolicyResourceType.AMIIMAGE;

        [Parameter]
        [ShapeTransformation(typeof(LifecyclePolicyResourceSelectionRecipe))]
        [ApiMember("recipes")]
        public LifecyclePolicyResourceSelectionRecipe[]? Recipe { get; set; }

        [Parameter]
        [ApiMember("tagMap")]
        [ValidateTextValues]
        public Hashtable? ResourceTag { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(LifecyclePolicyStatusCompleter))]
        public string? Status { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            if (Recipe is null && ResourceTag is null)
            {
                WriteError(ErrorRecords.InvalidInput("ParameterRequired",
                    "-Recipe or -ResourceTag is required: a lifecycle policy applies to the images of the recipes, or to the images with the tags, it names.", Name));
                return;
            }
            var selection = new LifecyclePolicyResourceSelection { Recipes = Recipe?.ToList(), TagMap = Tags.From(ResourceTag) };
            var request = new CreateLifecyclePolicyRequest
            {
                Name = Name,
                Description = Description,
                Status = Status,
                ExecutionRole = ExecutionRole,
                ResourceType = ResourceType,
                PolicyDetails = Rule.ToList(),
                ResourceSelection = selection,
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var target = $"{Name} ({ResourceType})";
            // The selection is checked on its own first, so that its errors name -Recipe or -ResourceTag.
            if (!Validate(selection, target) || !Validate(request, target) || !ShouldProcess(target, "Create lifecycle policy"))
            {
                return;
            }
            if (Call(IbOperations.CreateLifecyclePolicy, request, target) is { LifecyclePolicyArn: { } arn })
            {
                WriteCreated(IbOperations.GetLifecyclePolicy, new GetLifecyclePolicyRequest { LifecyclePolicyArn = arn }, arn,
                    r => r.LifecyclePolicy,
                    () => new LifecyclePolicy
                    {
                        Arn = arn, Name = Name, Description = Description, Status = Status, ExecutionRole = ExecutionRole, ResourceType = ResourceType,
                        PolicyDetails = request.PolicyDetails, ResourceSelection = request.ResourceSelection, Tags = request.Tags,
                    },
                    $"Get-IbLifecyclePolicy -Arn {arn}");
            }
        }
    }
}
