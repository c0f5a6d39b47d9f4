using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Emulation;
using ImageBuilder.PS.Model.Emulation;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>
    /// Stops the emulator Start-IbEmulator runs in this process (saving its state file) and puts back exactly the
    /// environment variables it set.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "IbEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IbEmulator))]
    public sealed class StopIbEmulatorCommand : PSCmdlet
    {
        /// <summary>The emulator to stop (the Url of Start-IbEmulator's object); only the one this process runs can be stopped.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Url { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var started = SessionEmulators.Current;
            if (started is null)
            {
                if (Url is not null)
                {
                    WriteError(NotOurs(Url));
                }
                else
                {
                    WriteVerbose("No emulator started by Start-IbEmulator is running in this process; nothing to stop.");
                }
                return;
            }
            var url = started.Emulator.Url;
            if (Url is not null && !SessionEmulators.SameEmulator(Url, url))
            {
                WriteError(NotOurs(Url));
                return;
            }
            if (!ShouldProcess(url, "Stop the emulator and put back the environment variables Start-IbEmulator set"))
            {
                return;
            }
            var leftAlone = SessionEmulators.Stop(started);
            foreach (var change in started.Changes)
            {
                if (leftAlone.Contains(change.Name))
                {
                    WriteWarning($"{change.Name} was changed after Start-IbEmulator set it; it is left as it is now.");
                }
                else
                {
                    WriteVerbose(change.Before is null ? $"Removed {change.Name}." : $"Put back the earlier value of {change.Name}.");
                }
            }
            if (PassThru)
            {
                WriteObject(new IbEmulator
                {
                    Url = url,
                    AccountId = started.Emulator.AccountId,
                    Region = started.Emulator.Region,
                    StateFile = started.Emulator.StateFile,
                    Clock = "Stopped",
                });
            }
        }

        private static ErrorRecord NotOurs(string url) => new(
            new System.InvalidOperationException($"The emulator at {url} was not started by Start-IbEmulator in this process, so it cannot be stopped from here: stop the process that runs it."),
            "EmulatorNotInSession", ErrorCategory.InvalidOperation, url);
    }
}
