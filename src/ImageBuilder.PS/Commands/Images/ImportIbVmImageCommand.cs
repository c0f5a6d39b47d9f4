using System;
using System.Collections;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Images
{
    /// <summary>
    /// Turns the AMI of a finished EC2 VM import task into an Image Builder image (ImportVmImage) and writes the
    /// new image.
    /// </summary>
    [ApiOperation("imagebuilder", "ImportVmImage")]
    [Cmdlet(VerbsData.Import, "IbVmImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Image))]
    public sealed class ImportIbVmImageCommand : ImageWaitingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [Alias("Version")]
        public string SemanticVersion { get; set; } = "";

        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string Platform { get; set; } = "";

        [Parameter(Mandatory = true)]
        [Alias("ImportTaskId")]
        public string VmImportTaskId { get; set; } = "";

        [Parameter]
        public string? OsVersion { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ApiMember("loggingConfiguration")]
        public string? LogGroupName { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var request = new ImportVmImageRequest
            {
                Name = Name,
                SemanticVersion = SemanticVersion,
                Platform = Platform,
                VmImportTaskId = VmImportTaskId,
                OsVersion = OsVersion,
                Description = Description,
                LoggingConfiguration = LogGroupName is null ? null : new ImageLoggingConfiguration { LogGroupName = LogGroupName },
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var target = $"{Name} {SemanticVersion} (from {VmImportTaskId})";
            if (!Validate(request, target) || !ShouldProcess(target, "Import VM image"))
            {
                return;
            }
            if (Call(IbOperations.ImportVmImage, request, target) is { ImageArn: { } arn })
            {
                WriteCreatedImage(arn, () => new Image { Platform = Platform, OsVersion = OsVersion, Tags = request.Tags });
            }
        }
    }
}
