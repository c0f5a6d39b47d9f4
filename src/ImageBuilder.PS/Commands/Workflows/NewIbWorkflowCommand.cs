using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Workflows
{
    /// <summary>
    /// Creates a workflow from a YAML document (CreateWorkflow) and writes the new workflow. The document is
    /// checked first, the way Test-IbWorkflowDocument checks it.
    /// </summary>
    [ApiOperation("imagebuilder", "CreateWorkflow")]
    [Cmdlet(VerbsCommon.New, "IbWorkflow", DefaultParameterSetName = DataSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Workflow))]
    public sealed class NewIbWorkflowCommand : WorkflowDefinitionCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Version")]
        public string SemanticVersion { get; set; } = "";

        [Parameter]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter DryRun { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        public string Uri { get; set; } = "";

        protected override string? DocumentUri => ParameterSetName == UriSet ? Uri : null;

        protected override void ProcessRecord()
        {
            var target = $"{Name} {SemanticVersion} ({Type})";
            if (!TryReadCheckedDocument(target, out var data))
            {
                return;
            }
            var request = CreateRequest(SemanticVersion, data);
            request.ClientToken = ClientToken ?? request.ClientToken;
            request.DryRun = DryRun.IsPresent ? true : null;
            if (!Validate(request, target) || !ShouldProcess(target, "Create workflow"))
            {
                return;
            }
            SendCreateWorkflow(request, target);
        }
    }
}
