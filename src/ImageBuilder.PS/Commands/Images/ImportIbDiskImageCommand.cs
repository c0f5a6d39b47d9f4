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
    /// Builds an image from a Windows ISO file in S3 (ImportDiskImage) and writes the new image; the build runs on
    /// an instance of the given infrastructure configuration.
    /// </summary>
    [ApiOperation("imagebuilder", "ImportDiskImage")]
    [Cmdlet(VerbsData.Import, "IbDiskImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Image))]
    public sealed class ImportIbDiskImageCommand : ImageWaitingCmdlet
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
        public string OsVersion { get; set; } = "";

        [Parameter(Mandatory = true)]
        public string Uri { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArnTransformation]
        [ArgumentCompleter(typeof(InfrastructureConfigurationArnCompleter))]
        public string InfrastructureConfigurationArn { get; set; } = "";

        [Parameter]
        [ApiMember("windowsConfiguration")]
        public long? WindowsImageIndex { get; set; }

        [Parameter]
        public SwitchParameter DisableSecureBoot { get; set; }

        [Parameter]
        [ApiMember("registerImageOptions")]
        public string? UefiData { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        public string? ExecutionRole { get; set; }

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
            var request = new ImportDiskImageRequest
            {
                Name = Name,
                SemanticVersion = SemanticVersion,
                Platform = Platform,
                OsVersion = OsVersion,
                Uri = Uri,
                InfrastructureConfigurationArn = InfrastructureConfigurationArn,
                WindowsConfiguration = WindowsImageIndex is null ? null : new WindowsConfiguration { ImageIndex = WindowsImageIndex },
                RegisterImageOptions = DisableSecureBoot || UefiData is not null
                    ? new RegisterImageOptions { SecureBootEnabled = DisableSecureBoot ? false : null, UefiData = UefiData }
                    : null,
                Description = Description,
                ExecutionRole = ExecutionRole,
                LoggingConfiguration = LogGroupName is null ? null : new ImageLoggingConfiguration { LogGroupName = LogGroupName },
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var target = $"{Name} {SemanticVersion} (from {Uri})";
            if (!Validate(request, target) || !ShouldProcess(target, "Import disk image"))
            {
                return;
            }
            if (Call(IbOperations.ImportDiskImage, request, target) is { ImageBuildVersionArn: { } arn })
            {
                WriteCreatedImage(arn, () => new Image { Platform = Platform, OsVersion = OsVersion, ExecutionRole = ExecutionRole, Tags = request.Tags });
            }
        }
    }
}
