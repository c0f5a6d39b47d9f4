using System.Collections;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.AppStream;
using ImageBuilder.PS.Validation;
using IbImage = ImageBuilder.PS.Model.Ib.Image;

namespace ImageBuilder.PS.Commands.Handoff
{
    /// <summary>
    /// Imports an AMI (or a WorkSpaces image) into AppStream 2.0 as a custom image (CreateImportedImage) and writes
    /// the new AppStream image. An Image Builder image piped in supplies its AMI in the region called.
    /// </summary>
    [ApiOperation("AppStream", "CreateImportedImage")]
    [Cmdlet(VerbsData.Import, "IbAppStreamImage", DefaultParameterSetName = ImageSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Image))]
    public sealed class ImportIbAppStreamImageCommand : ImageHandoffCmdlet
    {
        private const string AmiSet = "Ami";
        private const string ImageSet = "Image";
        private const string WorkSpacesSet = "WorkSpacesImage";

        [Parameter(Mandatory = true, Position = 0)]
        [Alias("ImageName")]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = AmiSet, ValueFromPipelineByPropertyName = true)]
        [Alias("AmiId", "Ec2ImageId")]
        public string SourceAmiId { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = ImageSet, ValueFromPipeline = true)]
        [ImageTransformation]
        public IbImage Image { get; set; } = new();

        [Parameter(Mandatory = true, ParameterSetName = WorkSpacesSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageId")]
        public string WorkspaceImageId { get; set; } = "";

        [Parameter]
        public string? IamRoleArn { get; set; }

        [Parameter]
        public string? DisplayName { get; set; }

        [Parameter]
        [Alias("ImageDescription")]
        public string? Description { get; set; }

        [Parameter]
        [ApiMember("RuntimeValidationConfig")]
        public string? IntendedInstanceType { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(AppStreamAgentVersionCompleter))]
        public string? AgentSoftwareVersion { get; set; }

        [Parameter]
        [Alias("AppCatalog")]
        [ShapeTransformation(typeof(ApplicationConfig))]
        public ApplicationConfig[]? AppCatalogConfig { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("Tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public SwitchParameter DryRun { get; set; }

        protected override void ProcessRecord()
        {
            var source = ParameterSetName switch
            {
                ImageSet => AmiInCallRegion(Image, ServiceBinding.AppStream, nameof(SourceAmiId)),
                WorkSpacesSet => WorkspaceImageId,
                _ => SourceAmiId,
            };
            if (source is null)
            {
                return;
            }
            var request = new CreateImportedImageRequest
            {
                Name = Name,
                SourceAmiId = ParameterSetName == WorkSpacesSet ? null : source,
                WorkspaceImageId = ParameterSetName == WorkSpacesSet ? source : null,
                IamRoleArn = IamRoleArn,
                DisplayName = DisplayName,
                Description = Description,
                RuntimeValidationConfig = IntendedInstanceType is null ? null : new RuntimeValidationConfig { IntendedInstanceType = IntendedInstanceType },
                AgentSoftwareVersion = AgentSoftwareVersion,
                Tags = Tags.From(Tag),
                DryRun = DryRun.IsPresent ? true : null,
            };
            var target = $"{Name} (from {source})";
            // The application catalog is sensitive: it is checked on its own so that no error quotes its values.
            var valid = Validate(request, target) & CatalogIsValid(target);
            if (!valid || !ShouldProcess(target, "Import into AppStream"))
            {
                return;
            }
            request.AppCatalogConfig = AppCatalogConfig?.ToList();
            if (Call(AppStreamOperations.CreateImportedImage, request, target) is { Image: { } image })
            {
                WriteAppStreamImage(image);
            }
        }

        private bool CatalogIsValid(string target)
        {
            if (AppCatalogConfig is null)
            {
                return true;
            }
            var violations = RequestValidator.Validate(new CreateImportedImageRequest { AppCatalogConfig = AppCatalogConfig.ToList() })
                .Where(v => v.Member.WireName == "AppCatalogConfig")
                .ToList();
            foreach (var violation in violations)
            {
                var subject = violation.Path == violation.Member.WireName ? "" : $" ({violation.Path})";
                var problem = violation.Value is null ? "is required" : $"is not valid: it {violation.Rule}";
                WriteError(ErrorRecords.InvalidInput(violation.Value is null ? "ParameterRequired" : "ParameterValueInvalid", $"-AppCatalogConfig{subject} {problem}.", target));
            }
            return violations.Count == 0;
        }
    }
}
