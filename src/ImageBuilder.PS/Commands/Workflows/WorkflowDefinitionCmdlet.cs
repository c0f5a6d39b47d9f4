using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Documents;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Workflows
{
    /// <summary>
    /// What a workflow is made of, as New-IbWorkflow and Publish-IbWorkflow both take it: its name, type, document
    /// (checked as Test-IbWorkflowDocument checks it), descriptions, KMS key and tags.
    /// </summary>
    public abstract class WorkflowDefinitionCmdlet : CheckedDocumentCmdlet
    {
        protected override string DocumentKind => "workflow";

        protected override IReadOnlyList<DocumentFinding> Check(string document) => WorkflowDocumentChecker.Check(document);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowTypeCompleter))]
        public string Type { get; set; } = "";

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

        /// <summary>The create request for a version, with a new client token.</summary>
        private protected CreateWorkflowRequest CreateRequest(string version, string? data) => new()
        {
            Name = Name,
            SemanticVersion = version,
            Type = Type,
            Data = data,
            Uri = DocumentUri,
            Description = Description,
            ChangeDescription = ChangeDescription,
            KmsKeyId = KmsKeyId,
            Tags = Tags.From(Tag),
            ClientToken = Guid.NewGuid().ToString(),
        };

        /// <summary>
        /// The create of a workflow version, shared by New- and Publish-: the request was checked and confirmed by
        /// the caller; this sends it and writes the new resource as Get- would (see <see cref="IbCmdlet.WriteCreated"/>).
        /// </summary>
        private protected void SendCreateWorkflow(CreateWorkflowRequest request, string target)
        {
            if (Call(IbOperations.CreateWorkflow, request, target) is { WorkflowBuildVersionArn: { } arn })
            {
                WriteCreated(IbOperations.GetWorkflow, new GetWorkflowRequest { WorkflowBuildVersionArn = arn }, arn,
                    r => r.Workflow,
                    () => new Workflow
                    {
                        Arn = arn, Name = request.Name, Version = NameAndVersionOf(arn).Version, Type = request.Type, Description = request.Description,
                        ChangeDescription = request.ChangeDescription, KmsKeyId = request.KmsKeyId, Tags = request.Tags,
                    },
                    $"Get-IbWorkflow -Arn {arn}");
            }
        }
    }
}
