using System.Management.Automation;
using ImageBuilder.PS.Base;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>
    /// Empties an emulator (only Amazon's resources stay), clears its faults and arranged failures, and keeps its
    /// clock's mode, so a test can start each case from nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "IbEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class ResetIbEmulatorCommand : EmulatorCmdlet
    {
        protected override void EndProcessing()
        {
            var client = Emulator();
            if (!ShouldProcess(client.Url, "Delete every resource, fault and arranged failure in the emulator"))
            {
                return;
            }
            // A reset puts the emulator's clock back to real time; a test that started it stepped wants it stepped still.
            string? mode = null;
            if (!TryControl(() => mode = client.GetState(Cancel).Clock, client.Url) || !TryControl(() => client.Reset(Cancel), client.Url))
            {
                return;
            }
            if (mode == "Stepped")
            {
                TryControl(() => client.SetClockMode(mode, 1, Cancel), client.Url);
            }
        }
    }
}
