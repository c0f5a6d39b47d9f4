using System.Management.Automation;
using ImageBuilder.PS.Base;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>Adds many AVAILABLE image builds to an emulator at once (versions of one image name), for volume tests.</summary>
    [Cmdlet(VerbsCommon.Add, "IbEmulatorImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(string))]
    public sealed class AddIbEmulatorImageCommand : EmulatorCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1, 100000)]
        public int Count { get; set; }

        [Parameter(Position = 1)]
        [ValidatePattern("^[-_A-Za-z0-9]{1,126}$")]
        public string Name { get; set; } = "seeded-image";

        protected override void EndProcessing()
        {
            var client = Emulator();
            if (ShouldProcess(client.Url, $"Add {Count} builds of the image {Name}"))
            {
                TryControl(() => WriteObject(client.SeedImages(Count, Name, Cancel), enumerateCollection: true), client.Url);
            }
        }
    }
}
