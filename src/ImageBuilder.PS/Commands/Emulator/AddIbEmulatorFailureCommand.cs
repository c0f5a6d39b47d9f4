using System;
using System.Collections.Generic;
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
        // What each kind of work is called, and the statuses it passes through on its way to AVAILABLE, the first
        // being the default: a failure arranged for a status the work never reaches would wait, unseen, for work
        // that never comes.
        private static readonly Dictionary<string, (string Described, string[] Stages)> Targets = new(StringComparer.OrdinalIgnoreCase)
        {
            ["ImageBuild"] = ("an image build", new[] { "BUILDING", "PENDING", "CREATING", "TESTING", "DISTRIBUTING", "INTEGRATING" }),
            ["AppStreamImport"] = ("an AppStream import", new[] { "IMPORTING", "PENDING", "VALIDATING" }),
            ["WorkSpacesImport"] = ("a WorkSpaces import", new[] { "PENDING" }),
        };

        [Parameter(Position = 0)]
        [ValidateSet("ImageBuild", "AppStreamImport", "WorkSpacesImport", IgnoreCase = true)]
        public string Target { get; set; } = "ImageBuild";

        /// <summary>The status at which it fails: BUILDING (the default), TESTING, DISTRIBUTING, ... for builds; IMPORTING or VALIDATING for AppStream; PENDING for WorkSpaces.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Stage { get; set; }

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
            var (described, known) = Targets[Target];
            var stage = (Stage ?? known[0]).ToUpperInvariant();
            if (Array.IndexOf(known, stage) < 0)
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"-Stage {Stage} is not a status {described} passes through before it is AVAILABLE; give {(known.Length == 1 ? known[0] : "one of " + string.Join(", ", known))}.", Stage));
            }
            var client = Emulator();
            var which = Count == 1 ? "the next" : $"the next {Count}";
            if (ShouldProcess(client.Url, $"Make {which} {Target} fail at {stage}"))
            {
                TryControl(() => client.ArrangeFailure(Target, stage, Step, Reason, Count, Cancel), client.Url);
            }
        }
    }
}
