using System;
using System.Collections;
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
    public sealed class NewIbWorkflowCommand : IbCmdlet
    {
        private const string DataSet = "Data";
        private const string PathSet = "Path";
        private const string UriSet = "Uri";
        private const string DocumentSet = "Document";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Version")]
        public string SemanticVersion { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowTypeCompleter))]
        public string Type { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = DataSet)]
        public string Data { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ApiMember("data")]
        public string Path { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        public string Uri { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = DocumentSet)]
        [ApiMember("data")]
        public object Document { get; set; } = new();

        [Parameter(ParameterSetName = DataSet)]
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = DocumentSet)]
        public SwitchParameter SkipValidation { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        [Parameter]
        public string? ChangeDescription { get; set; }

        [Parameter]
        public string? KmsKeyId { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        [Parameter]
        public SwitchParameter DryRun { get; set; }

        protected override void ProcessRecord()
        {
            var data = ParameterSetName switch
            {
                DataSet => Data,
                PathSet => DocumentFile.Read(this, Path, "workflow"),
                DocumentSet => YamlWriter.Write(Document),
                _ => null,
            };
            if (ParameterSetName == PathSet && data is null)
            {
                return;
            }
            var request = new CreateWorkflowRequest
            {
                Name = Name,
                SemanticVersion = SemanticVersion,
                Type = Type,
                Data = data,
                Uri = ParameterSetName == UriSet ? Uri : null,
                Description = Description,
                ChangeDescription = ChangeDescription,
                KmsKeyId = KmsKeyId,
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
                DryRun = DryRun.IsPresent ? true : null,
            };
            var target = $"{Name} {SemanticVersion} ({Type})";
            if (data is not null && !SkipValidation &&
                !DocumentGate.Pass(this, WorkflowDocumentChecker.Check(data), "Workflow", ParameterSetName, target))
            {
                return;
            }
            if (!Validate(request, target) || !ShouldProcess(target, "Create workflow"))
            {
                return;
            }
            if (Call(ServiceBinding.ImageBuilder, IbOperations.CreateWorkflow, request, target) is CreateWorkflowResponse created)
            {
                var get = new GetWorkflowRequest { WorkflowBuildVersionArn = created.WorkflowBuildVersionArn };
                if (Call(ServiceBinding.ImageBuilder, IbOperations.GetWorkflow, get, created.WorkflowBuildVersionArn) is GetWorkflowResponse response)
                {
                    WriteObject(response.Workflow);
                }
            }
        }
    }
}
