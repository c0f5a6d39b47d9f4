using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Documents;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>The lines in which a component version's document differs from another version's or a file's (GetComponent).</summary>
    [CallsOperations("imagebuilder", "GetComponent")]
    [Cmdlet(VerbsData.Compare, "IbComponent", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(DocumentLineDifference))]
    public sealed class CompareIbComponentCommand : DocumentComparisonCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComponentBuildVersionArn", "ComponentArn", "ComponentVersionArn", "ReferenceArn")]
        [ArnTransformation]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public override string Arn { get; set; } = "";

        protected override string DocumentKind => "component";

        protected override string? ReadStored(string arn) =>
            Call(IbOperations.GetComponent, new GetComponentRequest { ComponentBuildVersionArn = arn }, arn) is { } r ? r.Component?.Data ?? "" : null;
    }
}
