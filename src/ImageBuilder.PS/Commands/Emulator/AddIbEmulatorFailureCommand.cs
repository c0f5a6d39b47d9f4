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
        // The statuses each kind of work passes through on its way to AVAILABLE, the first being the default: a
        // failure arranged for a status the work never reaches would wait, unseen, for work that never comes.
        private static readonly Dictionary<string, string[]> Stages = new(StringComparer.OrdinalIgnoreCase)
        {
            ["ImageBuild"] = new[] { "BUILDING", "PENDING", "CREATING", "TESTING", "DISTRIBUTING", "INTEGRATING" },
            ["AppStreamImport"] = new[] { "IMPORTING", "PENDING", "VALIDATING" },
            ["WorkSpacesImport"] = new[] { "PENDING" },
        };

        [Parameter(Position = 0)]
        [ValidateSet("ImageBuild", "AppStreamImport", "WorkSpacesImport", IgnoreCase = true)]
        public string Target { get; set; } = "ImageBuild";

        /// <summary>The status at which it fails: BUILDING (the default), TESTING, DISTRIBUTING, ... for builds; IMPORTING or VALIDATING for AppStream; PENDING for WorkSpaces.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Stage { get; set; }

        private static readonly Dictionary<string, string> Described = new(StringComparer.OrdinalIgnoreCase)
        {
            ["ImageBuild"] = "an image build",
            ["AppStreamImport"] = "an AppStream import",
            ["WorkSpacesImport"] = "a WorkSpaces import",
        };

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
            var known = Stages[Target];
            var stage = (Stage ?? known[0]).ToUpperInvariant();
            if (Array.IndexOf(known, stage) < 0)
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"-Stage {Stage} is not a status {Described[Target]} passes through before it is AVAILABLE; give {(known.Length == 1 ? known[0] : "one of " + string.Join(", ", known))}.", Stage));
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
