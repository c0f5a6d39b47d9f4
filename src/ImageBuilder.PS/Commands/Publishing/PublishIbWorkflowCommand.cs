using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Commands.Workflows;
using ImageBuilder.PS.Model.Ib;

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
            Publish(DefinitionPublications.Workflow(this, Version, version => CreateRequest(version, data), SendCreateWorkflow));
        }
    }
}
