using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Documents;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Workflows
{
    /// <summary>
    /// Creates a workflow from a YAML document (CreateWorkflow) and writes the new workflow. The document is
    /// checked first, the way Test-IbWorkflowDocument checks it.
    /// </summary>
    [ApiOperation("imagebuilder", "CreateWorkflow")]
    [Cmdlet(VerbsCommon.New, "IbWorkflow", DefaultParameterSetName = DataSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Workflow))]
    public sealed class NewIbWorkflowCommand : CheckedDocumentCmdlet
    {
        protected override string DocumentKind => "workflow";

        protected override IReadOnlyList<DocumentFinding> Check(string document) => WorkflowDocumentChecker.Check(document);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Version")]
        public string SemanticVersion { get; set; } = "";

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

        [Parameter]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter DryRun { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        public string Uri { get; set; } = "";

        protected override string? DocumentUri => ParameterSetName == UriSet ? Uri : null;

        protected override void ProcessRecord()
        {
            var target = $"{Name} {SemanticVersion} ({Type})";
            if (!TryReadCheckedDocument(target, out var data))
            {
                return;
            }
            var request = new CreateWorkflowRequest
            {
                Name = Name,
                SemanticVersion = SemanticVersion,
                Type = Type,
                Data = data,
                Uri = DocumentUri,
                Description = Description,
                ChangeDescription = ChangeDescription,
                KmsKeyId = KmsKeyId,
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
                DryRun = DryRun.IsPresent ? true : null,
            };
            if (!Validate(request, target) || !ShouldProcess(target, "Create workflow"))
            {
                return;
            }
            SendCreateWorkflow(request, target);
        }
    }
}
