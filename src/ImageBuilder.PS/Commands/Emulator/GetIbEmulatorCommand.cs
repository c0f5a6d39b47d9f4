using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Emulation;
using ImageBuilder.PS.Model.Emulation;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>Reads an emulator's state: where it listens, its clock, and how many resources of each kind it holds.</summary>
    [Cmdlet(VerbsCommon.Get, "IbEmulator")]
    [OutputType(typeof(IbEmulator))]
    public sealed class GetIbEmulatorCommand : EmulatorCmdlet
    {
        protected override void EndProcessing()
        {
            var client = Emulator();
            IbEmulator? state = null;
            if (!TryControl(() => state = client.GetState(Cancel), client.Url) || state is null)
            {
                return;
            }
            WriteObject(SessionEmulators.Describe(state));
        }
    }
}
