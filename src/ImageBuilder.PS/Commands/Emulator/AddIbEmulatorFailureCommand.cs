using System.Management.Automation;
using ImageBuilder.PS.Base;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>
    /// Arranges for the next image build (or AppStream or WorkSpaces import) in an emulator to fail when it reaches a
    /// stage, with a reason and, for builds, the workflow step that fails and its log lines.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IbEmulatorFailure", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class AddIbEmulatorFailureCommand : EmulatorCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateSet("ImageBuild", "AppStreamImport", "WorkSpacesImport", IgnoreCase = true)]
        public string Target { get; set; } = "ImageBuild";

        /// <summary>The status at which it fails: BUILDING, TESTING, DISTRIBUTING, ... for builds; IMPORTING/PENDING for imports.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Stage { get; set; } = "BUILDING";

        /// <summary>The workflow step that fails (a build's failed step and log name it).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Step { get; set; }

        /// <summary>The failure reason the service reports (by default one like the service's own).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Reason { get; set; }

        /// <summary>How many builds or imports in a row fail.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int Count { get; set; } = 1;

        protected override void EndProcessing()
        {
            var client = Emulator();
            var which = Count == 1 ? "the next" : $"the next {Count}";
            if (ShouldProcess(client.Url, $"Make {which} {Target} fail at {Stage.ToUpperInvariant()}"))
            {
                TryControl(() => client.ArrangeFailure(Target, Stage.ToUpperInvariant(), Step, Reason, Count, Cancel), client.Url);
            }
        }
    }
}
