using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>
    /// Creates a component from a YAML document (CreateComponent) and writes the new component. The document is
    /// checked first, the way Test-IbComponentDocument checks it.
    /// </summary>
    [ApiOperation("imagebuilder", "CreateComponent")]
    [Cmdlet(VerbsCommon.New, "IbComponent", DefaultParameterSetName = DataSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Component))]
    public sealed class NewIbComponentCommand : ComponentDefinitionCmdlet
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
            var target = $"{Name} {SemanticVersion} ({Platform})";
            if (!TryReadCheckedDocument(target, out var data))
            {
                return;
            }
            var request = CreateRequest(SemanticVersion, data);
            request.ClientToken = ClientToken ?? request.ClientToken;
            request.DryRun = DryRun.IsPresent ? true : null;
            if (!Validate(request, target) || !ShouldProcess(target, "Create component"))
            {
                return;
            }
            SendCreateComponent(request, target);
        }
    }
}
