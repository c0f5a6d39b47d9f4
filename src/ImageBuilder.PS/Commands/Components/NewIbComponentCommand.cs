using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Documents;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>
    /// Creates a component from a YAML document (CreateComponent) and writes the new component. The document is
    /// checked first, the way Test-IbComponentDocument checks it.
    /// </summary>
    [ApiOperation("imagebuilder", "CreateComponent")]
    [Cmdlet(VerbsCommon.New, "IbComponent", DefaultParameterSetName = DataSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Component))]
    public sealed class NewIbComponentCommand : CheckedDocumentCmdlet
    {
        protected override string DocumentKind => "component";

        protected override IReadOnlyList<DocumentFinding> Check(string document) => ComponentDocumentChecker.Check(document);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Version")]
        public string SemanticVersion { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string Platform { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        [Parameter]
        public string? ChangeDescription { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("SupportedOsVersions")]
        public string[]? SupportedOsVersion { get; set; }

        [Parameter]
        public string? KmsKeyId { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter DryRun { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        public string Uri { get; set; } = "";

        protected override string? DocumentUri => ParameterSetName == UriSet ? Uri : null;

        protected override void ProcessRecord()
        {
            var target = $"{Name} {SemanticVersion} ({Platform})";
            if (!TryReadCheckedDocument(target, out var data))
            {
                return;
            }
            var request = new CreateComponentRequest
            {
                Name = Name,
                SemanticVersion = SemanticVersion,
                Platform = Platform,
                Description = Description,
                ChangeDescription = ChangeDescription,
                SupportedOsVersions = SupportedOsVersion?.ToList(),
                Data = data,
                Uri = DocumentUri,
                KmsKeyId = KmsKeyId,
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
                DryRun = DryRun.IsPresent ? true : null,
            };
            if (!Validate(request, target) || !ShouldProcess(target, "Create component"))
            {
                return;
            }
            SendCreateComponent(request, target);
        }
    }
}
