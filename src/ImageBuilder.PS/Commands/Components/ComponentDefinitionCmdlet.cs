using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Documents;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>
    /// What a component is made of, as New-IbComponent and Publish-IbComponent both take it: its name, its document
    /// (checked as Test-IbComponentDocument checks it), platform, descriptions, supported OS versions, KMS key and tags.
    /// </summary>
    public abstract class ComponentDefinitionCmdlet : CheckedDocumentCmdlet
    {
        protected override string DocumentKind => "component";

        protected override IReadOnlyList<DocumentFinding> Check(string document) => ComponentDocumentChecker.Check(document);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ComponentNameCompleter))]
        public string Name { get; set; } = "";

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

        /// <summary>The create request for a version, with a new client token.</summary>
        private protected CreateComponentRequest CreateRequest(string version, string? data) => new()
        {
            Name = Name,
            SemanticVersion = version,
            Platform = Platform,
            Description = Description,
            ChangeDescription = ChangeDescription,
            SupportedOsVersions = SupportedOsVersion?.ToList(),
            Data = data,
            Uri = DocumentUri,
            KmsKeyId = KmsKeyId,
            Tags = Tags.From(Tag),
            ClientToken = Guid.NewGuid().ToString(),
        };

        /// <summary>
        /// The create of a component version, shared by New- and Publish-: the request was checked and confirmed by
        /// the caller; this sends it and writes the new resource as Get- would (see <see cref="IbCmdlet.WriteCreated"/>).
        /// </summary>
        private protected void SendCreateComponent(CreateComponentRequest request, string target)
        {
            if (Call(IbOperations.CreateComponent, request, target) is { ComponentBuildVersionArn: { } arn })
            {
                WriteCreated(IbOperations.GetComponent, new GetComponentRequest { ComponentBuildVersionArn = arn }, arn,
                    r => r.Component,
                    () => new Component
                    {
                        Arn = arn, Name = request.Name, Version = NameAndVersionOf(arn).Version, Platform = request.Platform, Description = request.Description,
                        ChangeDescription = request.ChangeDescription, SupportedOsVersions = request.SupportedOsVersions, KmsKeyId = request.KmsKeyId, Tags = request.Tags,
                    },
                    $"Get-IbComponent -Arn {arn}");
            }
        }
    }
}
