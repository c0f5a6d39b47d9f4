using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.WorkSpaces;

namespace ImageBuilder.PS.Commands.Handoff
{
    /// <summary>
    /// Imports an AMI into WorkSpaces as a bring-your-own-license image (ImportWorkspaceImage) and writes the new
    /// WorkSpaces image. An Image Builder image piped in supplies its AMI in the region called.
    /// </summary>
    [ApiOperation("WorkSpaces", "ImportWorkspaceImage")]
    [Cmdlet(VerbsData.Import, "IbWorkSpacesImage", DefaultParameterSetName = ImageSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WorkspaceImage))]
    public sealed class ImportIbWorkSpacesImageCommand : ImageHandoffCmdlet
    {
        private const string AmiSet = "Ami";
        private const string ImageSet = "Image";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AmiSet, ValueFromPipelineByPropertyName = true)]
        [Alias("AmiId", "SourceAmiId")]
        public string Ec2ImageId { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = ImageSet, ValueFromPipeline = true)]
        [ImageTransformation]
        public Image Image { get; set; } = new();

        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(WorkSpacesIngestionProcessCompleter))]
        public string IngestionProcess { get; set; } = "";

        // -Name and -Description, as Import-IbAppStreamImage spells them; the API's ImageName/ImageDescription stay as aliases.
        [Parameter(Mandatory = true)]
        [Alias("ImageName")]
        [ApiMember("ImageName")]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true)]
        [Alias("ImageDescription")]
        [ApiMember("ImageDescription")]
        public string Description { get; set; } = "";

        [Parameter]
        [Alias("Applications")]
        [ArgumentCompleter(typeof(WorkSpacesApplicationCompleter))]
        [ApiMember("Applications")]
        public string[]? Application { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("Tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        /// <summary>Sends an image WorkSpaces is known to refuse (Windows Server, Linux) anyway.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ImageSet && !Force && Validation.WorkSpacesByol.Refusal(Image.Platform, Image.OsVersion) is { } refusal)
            {
                // Refused here rather than warned: the service takes the call and ends the import in ERROR much later,
                // after a runbook has gone on as if it worked.
                WriteError(ErrorRecords.InvalidInput("WorkSpacesOsNotSupported",
                    $"{refusal} ({Image.Arn}). WorkSpaces would take the call and end the import later in state ERROR " +
                    $"({Validation.WorkSpacesByol.ErrorCode}). Build from your own licensed Windows 10 or 11 image (imported with " +
                    "Import-IbVmImage or Import-IbDiskImage), or add -Force to send this one anyway.", Image));
                return;
            }
            var amiId = ParameterSetName == ImageSet ? AmiInCallRegion(Image, ServiceBinding.WorkSpaces, nameof(Ec2ImageId)) : Ec2ImageId;
            if (amiId is null)
            {
                return;
            }
            var request = new ImportWorkspaceImageRequest
            {
                Ec2ImageId = amiId,
                IngestionProcess = IngestionProcess,
                ImageName = Name,
                ImageDescription = Description,
                Applications = Application?.ToList(),
                Tags = Tags.From(Tag)?.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
            };
            var target = $"{amiId} as {Name}";
            if (!Validate(request, target) || !ShouldProcess(target, "Import into WorkSpaces"))
            {
                return;
            }
            if (Call(WorkSpacesOperations.ImportWorkspaceImage, request, target) is { ImageId: { } imageId })
            {
                WriteCreated(WorkSpacesOperations.DescribeWorkspaceImages,
                    new DescribeWorkspaceImagesRequest { ImageIds = new List<string> { imageId } }, imageId,
                    r => r.Images is { Count: > 0 } images ? images[0] : null,
                    () => new WorkspaceImage { ImageId = imageId, Name = Name, Description = Description },
                    $"Get-IbWorkSpacesImage -ImageId {imageId}", WriteWorkSpacesImage);
            }
        }
    }
}
