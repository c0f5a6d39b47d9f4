using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>Adds scan findings to an image build in an emulator (marking it scanned), for tests of findings and their summaries.</summary>
    [Cmdlet(VerbsCommon.Add, "IbEmulatorScanFinding", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(int))]
    public sealed class AddIbEmulatorScanFindingCommand : EmulatorCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Arn", "ImageBuildVersionArn")]
        [ArgumentCompleter(typeof(ImageArnCompleter))]
        public string ImageArn { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateRange(1, 100000)]
        public int Count { get; set; }

        protected override void ProcessRecord()
        {
            var client = Emulator();
            if (ShouldProcess(ImageArn, $"Add {Count} scan findings"))
            {
                TryControl(() => WriteObject(client.SeedFindings(ImageArn, Count, Cancel)), ImageArn);
            }
        }
    }
}
