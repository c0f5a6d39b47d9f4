using System;
using System.Collections;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>
    /// Turns a script into a component (ImportComponent): Image Builder wraps it in a component document. Writes
    /// the new component.
    /// </summary>
    [ApiOperation("imagebuilder", "ImportComponent")]
    [Cmdlet(VerbsData.Import, "IbComponent", DefaultParameterSetName = DataSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Component))]
    public sealed class ImportIbComponentCommand : DocumentCmdlet
    {
        protected override string DocumentKind => "component";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Version")]
        public string SemanticVersion { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string Platform { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ComponentTypeCompleter))]
        public string Type { get; set; } = "";

        [Parameter]
        [ArgumentCompleter(typeof(ComponentFormatCompleter))]
        public string Format { get; set; } = IbValues.ComponentFormat.SHELL;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        [Parameter]
        public string? ChangeDescription { get; set; }

        [Parameter]
        public string? KmsKeyId { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        public string Uri { get; set; } = "";

        protected override string? DocumentUri => ParameterSetName == UriSet ? Uri : null;

        protected override void ProcessRecord()
        {
            if (!TryReadDocument(out var data))
            {
                return;
            }
            var request = new ImportComponentRequest
            {
                Name = Name,
                SemanticVersion = SemanticVersion,
                Platform = Platform,
                Type = Type,
                Format = Format,
                Data = data,
                Uri = DocumentUri,
                Description = Description,
                ChangeDescription = ChangeDescription,
                KmsKeyId = KmsKeyId,
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            var target = $"{Name} {SemanticVersion} ({Platform}, {Type})";
            if (!Validate(request, target) || !ShouldProcess(target, "Import component"))
            {
                return;
            }
            if (Call(IbOperations.ImportComponent, request, target) is { ComponentBuildVersionArn: { } arn })
            {
                WriteCreated(IbOperations.GetComponent, new GetComponentRequest { ComponentBuildVersionArn = arn }, arn,
                    r => r.Component,
                    () => new Component
                    {
                        Arn = arn, Name = Name, Version = NameAndVersionOf(arn).Version, Platform = Platform, Type = Type, Description = Description,
                        ChangeDescription = ChangeDescription, KmsKeyId = KmsKeyId, Tags = request.Tags,
                    },
                    $"Get-IbComponent -Arn {arn}");
            }
        }
    }
}
