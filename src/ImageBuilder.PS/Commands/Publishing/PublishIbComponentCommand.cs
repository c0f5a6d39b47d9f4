using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Commands.Components;
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
            Publish(new Publication<Component>("component", Name, Version)
            {
                Versions = target => ReadPages(IbOperations.ListComponents, new ListComponentsRequest { Filters = new List<Filter> { new() { Name = "name", Values = new List<string> { Name } } } }, target),
                Get = arn => Call(IbOperations.GetComponent, new GetComponentRequest { ComponentBuildVersionArn = arn }, arn) is { } r ? r.Component : null,
                Compare = stored => new DefinitionDifferences()
                    .Document("Document", stored.Data, data)
                    .Text("Platform", stored.Platform, Platform, StringComparison.OrdinalIgnoreCase)
                    .Set("SupportedOsVersion", stored.SupportedOsVersions, SupportedOsVersion)
                    .Text("Description", stored.Description, Description)
                    .Text("ChangeDescription", stored.ChangeDescription, ChangeDescription)
                    .Text("KmsKeyId", stored.KmsKeyId, KmsKeyId),
                Request = version => CreateRequest(version, data),
                Send = (request, target) => SendCreateComponent((CreateComponentRequest)request, target),
            });
        }
    }
}
