using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Emulation;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>Lists the fault rules in force in an emulator, with how many calls each has left.</summary>
    [Cmdlet(VerbsCommon.Get, "IbEmulatorFault")]
    [OutputType(typeof(IbEmulatorFault))]
    public sealed class GetIbEmulatorFaultCommand : EmulatorCmdlet
    {
        protected override void EndProcessing()
        {
            var client = Emulator();
            TryControl(() => WriteObject(client.GetFaults(Cancel), enumerateCollection: true), client.Url);
        }
    }
}
