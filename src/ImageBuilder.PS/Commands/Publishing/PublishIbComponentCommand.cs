using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Commands.Components;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>
    /// Publishes a component document idempotently: writes the newest version -Version matches when nothing
    /// compared differs, and otherwise creates the next version the pattern allows (CreateComponent).
    /// </summary>
    [CallsOperations("imagebuilder", "ListComponents", "GetComponent", "CreateComponent")]
    [Cmdlet(VerbsData.Publish, "IbComponent", DefaultParameterSetName = DataSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Component))]
    public sealed class PublishIbComponentCommand : ComponentDefinitionCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        public string Version { get; set; } = "";

        protected override void ProcessRecord()
        {
            if (!TryReadCheckedDocument($"{Name} ({Platform})", out var data))
            {
                return;
            }
            Publish(DefinitionPublications.Component(this, Version, version => CreateRequest(version, data), SendCreateComponent));
        }
    }
}
