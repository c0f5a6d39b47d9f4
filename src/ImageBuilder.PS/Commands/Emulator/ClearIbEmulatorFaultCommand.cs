using System.Management.Automation;
using ImageBuilder.PS.Base;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>Removes every fault rule from an emulator: calls are answered normally again.</summary>
    [Cmdlet(VerbsCommon.Clear, "IbEmulatorFault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class ClearIbEmulatorFaultCommand : EmulatorCmdlet
    {
        protected override void EndProcessing()
        {
            var client = Emulator();
            if (ShouldProcess(client.Url, "Remove every fault rule"))
            {
                TryControl(() => client.ClearFaults(Cancel), client.Url);
            }
        }
    }
}
