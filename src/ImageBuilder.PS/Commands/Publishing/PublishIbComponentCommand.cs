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
using ImageBuilder.PS.Model.Publishing;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>
    /// Publishes a component document idempotently: writes the newest version -Version matches when nothing
    /// compared differs, and otherwise creates the next version the pattern allows (CreateComponent).
    /// </summary>
    [CallsOperations("imagebuilder", "ListComponents", "GetComponent", "CreateComponent")]
    [Cmdlet(VerbsData.Publish, "IbComponent", DefaultParameterSetName = DataSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Component))]
    public sealed class PublishIbComponentCommand : CheckedDocumentCmdlet
    {
        protected override string DocumentKind => "component";

        protected override IReadOnlyList<DocumentFinding> Check(string document) => ComponentDocumentChecker.Check(document);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ComponentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        public string Version { get; set; } = "";

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

        protected override void ProcessRecord()
        {
            if (!TryReadCheckedDocument($"{Name} ({Platform})", out var data))
            {
                return;
            }
            Publish(new Publication<Component>("component", Name, Version)
            {
                List = IbOperations.ListComponents,
                ListRequest = new ListComponentsRequest { Filters = new List<Filter> { new() { Name = "name", Values = new List<string> { Name } } } },
                Get = arn => Call(ServiceBinding.ImageBuilder, IbOperations.GetComponent, new GetComponentRequest { ComponentBuildVersionArn = arn }, arn) is GetComponentResponse r ? r.Component : null,
                Compare = stored => new DefinitionDifferences()
                    .Document("Document", stored.Data, data)
                    .Text("Platform", stored.Platform, Platform, System.StringComparison.OrdinalIgnoreCase)
                    .Set("SupportedOsVersion", stored.SupportedOsVersions, SupportedOsVersion)
                    .Text("Description", stored.Description, Description)
                    .Text("ChangeDescription", stored.ChangeDescription, ChangeDescription)
                    .Text("KmsKeyId", stored.KmsKeyId, KmsKeyId),
                Request = version => new CreateComponentRequest
                {
                    Name = Name,
                    SemanticVersion = version,
                    Platform = Platform,
                    Description = Description,
                    ChangeDescription = ChangeDescription,
                    SupportedOsVersions = SupportedOsVersion?.ToList(),
                    Data = data,
                    KmsKeyId = KmsKeyId,
                    Tags = Tags.From(Tag),
                    ClientToken = System.Guid.NewGuid().ToString(),
                },
                Send = (request, target) => SendCreateComponent((CreateComponentRequest)request, target),
            });
        }
    }
}
