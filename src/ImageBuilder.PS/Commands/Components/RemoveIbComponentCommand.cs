using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>
    /// Deletes component build versions (DeleteComponent). Given a version ARN (as Get-IbComponent lists), deletes
    /// each build of that version.
    /// </summary>
    [ApiOperation("imagebuilder", "DeleteComponent")]
    [Cmdlet(VerbsCommon.Remove, "IbComponent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbComponentCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComponentBuildVersionArn", "ComponentArn", "ComponentVersionArn")]
        [ApiMember("componentBuildVersionArn")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            // Listed in full first: deleting while paging through the builds could make the service skip some.
            foreach (var buildArn in ExpandToBuildVersions(Arn, "component", IbOperations.ListComponentBuildVersions).ToList())
            {
                var request = new DeleteComponentRequest { ComponentBuildVersionArn = buildArn };
                if (!Validate(request, buildArn) || !ShouldProcess(buildArn, "Delete component build version", Force))
                {
                    continue;
                }
                if (Call(IbOperations.DeleteComponent, request, buildArn) is { } deleted && PassThru)
                {
                    WriteObject(deleted.ComponentBuildVersionArn);
                }
            }
        }
    }
}
