using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Commands.Workflows;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>
    /// Publishes a workflow document idempotently: writes the newest version -Version matches when nothing
    /// compared differs, and otherwise creates the next version the pattern allows (CreateWorkflow).
    /// </summary>
    [CallsOperations("imagebuilder", "ListWorkflows", "GetWorkflow", "CreateWorkflow")]
    [Cmdlet(VerbsData.Publish, "IbWorkflow", DefaultParameterSetName = DataSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Workflow))]
    public sealed class PublishIbWorkflowCommand : WorkflowDefinitionCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        public string Version { get; set; } = "";

        protected override void ProcessRecord()
        {
            if (!TryReadCheckedDocument($"{Name} ({Type})", out var data))
            {
                return;
            }
            // A workflow's type is part of its ARN (workflow/build/NAME): a test workflow of the same name is another one.
            var arnType = "workflow/" + Type.ToLowerInvariant();
            Publish(new Publication<Workflow>("workflow", Name, Version)
            {
                Versions = target => ReadPages(IbOperations.ListWorkflows, new ListWorkflowsRequest { Filters = new List<Filter> { new() { Name = "name", Values = new List<string> { Name } } } }, target),
                Belongs = arn => string.Equals(arn.ResourceType, arnType, StringComparison.Ordinal),
                Get = arn => Call(IbOperations.GetWorkflow, new GetWorkflowRequest { WorkflowBuildVersionArn = arn }, arn) is { } r ? r.Workflow : null,
                Compare = stored => new DefinitionDifferences()
                    .Document("Document", stored.Data, data)
                    .Text("Description", stored.Description, Description)
                    .Text("ChangeDescription", stored.ChangeDescription, ChangeDescription)
                    .Text("KmsKeyId", stored.KmsKeyId, KmsKeyId),
                Request = version => CreateRequest(version, data),
                Send = (request, target) => SendCreateWorkflow((CreateWorkflowRequest)request, target),
            });
        }
    }
}
