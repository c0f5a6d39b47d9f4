using System;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Emulation;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>
    /// Sets how an emulator's clock runs (real, stepped, scaled), or moves a stepped clock on: by a time, to a time,
    /// by build stages, or stage by stage until an image build reaches a status.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IbEmulatorClock", DefaultParameterSetName = StagesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IbEmulator))]
    public sealed class SetIbEmulatorClockCommand : EmulatorCmdlet
    {
        private const string ModeSet = "Mode", BySet = "By", ToSet = "To", StagesSet = "Stages", UntilSet = "Until";
        private static readonly TimeSpan Century = TimeSpan.FromDays(36525);

        [Parameter(Mandatory = true, ParameterSetName = ModeSet)]
        [ValidateSet("Real", "Stepped", "Scaled", IgnoreCase = true)]
        public string Mode { get; set; } = "";

        /// <summary>With -Mode Scaled: how many emulator seconds pass in one real second.</summary>
        [Parameter(ParameterSetName = ModeSet)]
        [ValidateRange(0.001, 100000)]
        public double Scale { get; set; } = 1;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = BySet)]
        [SecondsTransformation]
        public TimeSpan By { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ToSet)]
        public DateTime To { get; set; }

        /// <summary>Build stages to move on (each is the emulator's stage duration; 1 without other parameters).</summary>
        [Parameter(ParameterSetName = StagesSet)]
        [ValidateRange(1, 10000)]
        public int Stages { get; set; } = 1;

        [Parameter(Mandatory = true, ParameterSetName = UntilSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Arn", "ImageBuildVersionArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string ImageArn { get; set; } = "";

        [Parameter(ParameterSetName = UntilSet)]
        [Alias("Status")]
        [ValidateSet("PENDING", "CREATING", "BUILDING", "TESTING", "DISTRIBUTING", "INTEGRATING", "AVAILABLE", IgnoreCase = true)]
        public string Until { get; set; } = "AVAILABLE";

        /// <summary>With -ImageArn: the most stages to move before giving up.</summary>
        [Parameter(ParameterSetName = UntilSet)]
        [ValidateRange(1, 10000)]
        public int MaxStages { get; set; } = 200;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var client = Emulator();
            switch (ParameterSetName)
            {
                case ModeSet:
                    if (ShouldProcess(client.Url, $"Set the emulator's clock to {Mode}" + (Mode.Equals("Scaled", StringComparison.OrdinalIgnoreCase) ? $" x{Scale}" : "")))
                    {
                        Done(TryControl(() => client.SetClockMode(Mode, Scale, Cancel), client.Url), client);
                    }
                    break;
                case UntilSet:
                    if (ShouldProcess(client.Url, $"Move the emulator's clock until {ImageArn} is {Until.ToUpperInvariant()}"))
                    {
                        MoveUntil(client);
                    }
                    break;
                case StagesSet:
                    // Stage by stage, so that every build passes through each status on the way, as it would in time.
                    if (StageLength(client) is { } stage && ShouldProcess(client.Url, $"Move the emulator's clock on by {Stages} build stage{(Stages == 1 ? "" : "s")} ({TimeSpan.FromTicks(stage.Ticks * Stages)})"))
                    {
                        bool moved = true;
                        for (int i = 0; i < Stages && moved; i++)
                        {
                            moved = TryControl(() => client.Advance(stage, Cancel), client.Url);
                        }
                        Done(moved, client);
                    }
                    break;
                default:
                    if (Offset(client) is { } by && ShouldProcess(client.Url, $"Move the emulator's clock on by {by}"))
                    {
                        Done(TryControl(() => client.Advance(by, Cancel), client.Url), client);
                    }
                    break;
            }
        }

        private TimeSpan? Offset(Aws.Emulation.EmulatorControlClient client)
        {
            TimeSpan by;
            switch (ParameterSetName)
            {
                case ToSet:
                    DateTime now = default;
                    if (!TryControl(() => now = client.GetState(Cancel).Now, client.Url))
                    {
                        return null;
                    }
                    // An unmarked date is the user's local time, as Get-Date gives it.
                    var target = To.Kind == DateTimeKind.Utc ? To.ToLocalTime() : To;
                    by = target - now;
                    if (by < TimeSpan.Zero)
                    {
                        WriteError(ErrorRecords.InvalidInput("ClockCannotGoBack", $"-To {target:yyyy-MM-dd HH:mm:ss} is before the emulator's time ({now:yyyy-MM-dd HH:mm:ss}): its clock only moves forward. Reset-IbEmulator starts it again from now.", To));
                        return null;
                    }
                    break;
                default:
                    by = By;
                    break;
            }
            if (by < TimeSpan.Zero || by > Century)
            {
                WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"The clock moves forward by zero to 36525 days at a time (asked: {by}).", by));
                return null;
            }
            return by;
        }

        private TimeSpan? StageLength(Aws.Emulation.EmulatorControlClient client)
        {
            TimeSpan stage = default;
            return TryControl(() => stage = client.GetState(Cancel).StageDuration, client.Url) ? stage : null;
        }

        private void MoveUntil(Aws.Emulation.EmulatorControlClient client)
        {
            (string Status, DateTime Now) reached = default;
            if (!TryControl(() => reached = client.AdvanceUntil(ImageArn, Until.ToUpperInvariant(), MaxStages, Cancel), ImageArn))
            {
                return;
            }
            if (!string.Equals(reached.Status, Until, StringComparison.OrdinalIgnoreCase))
            {
                var why = ImageStatuses.Final.Contains(reached.Status ?? "")
                    ? $"the build ended {reached.Status} first"
                    : $"it is still {reached.Status} after {MaxStages} stages (raise -MaxStages to go on)";
                WriteError(new ErrorRecord(new InvalidOperationException($"The image build {ImageArn} did not reach {Until.ToUpperInvariant()}: {why}."),
                    "StatusNotReached", ErrorCategory.InvalidResult, ImageArn));
                return;
            }
            WriteVerbose($"{ImageArn} is {reached.Status} at {reached.Now:yyyy-MM-dd HH:mm:ss} emulator time.");
            Done(true, client);
        }

        private void Done(bool moved, Aws.Emulation.EmulatorControlClient client)
        {
            if (moved && PassThru)
            {
                TryControl(() => WriteObject(Emulation.SessionEmulators.Describe(client.GetState(Cancel))), client.Url);
            }
        }
    }
}
