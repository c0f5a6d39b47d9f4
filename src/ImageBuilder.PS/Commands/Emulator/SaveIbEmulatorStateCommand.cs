using System.IO;
using System.Management.Automation;
using ImageBuilder.PS.Base;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>Writes an emulator's state file now (it also saves every few seconds and when it stops).</summary>
    [Cmdlet(VerbsData.Save, "IbEmulatorState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveIbEmulatorStateCommand : EmulatorCmdlet
    {
        protected override void EndProcessing()
        {
            var client = Emulator();
            if (!ShouldProcess(client.Url, "Write the emulator's state file"))
            {
                return;
            }
            string? path = null;
            if (!TryControl(() => path = client.Save(Cancel), client.Url))
            {
                return;
            }
            if (path is null)
            {
                WriteError(new ErrorRecord(new System.InvalidOperationException(
                        $"The emulator at {client.Url} keeps no state file: start it with Start-IbEmulator -State <file> (or the standalone one with --state-file) to keep its resources."),
                    "NoStateFile", ErrorCategory.InvalidOperation, client.Url));
                return;
            }
            WriteObject(new FileInfo(path));
        }
    }
}
