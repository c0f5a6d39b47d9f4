using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Components
{
    /// <summary>
    /// Deletes component build versions (DeleteComponent). Given a version ARN (as Get-IbComponent lists), deletes
    /// each build of that version.
    /// </summary>
    [ApiOperation("imagebuilder", "DeleteComponent")]
    [Cmdlet(VerbsCommon.Remove, "IbComponent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbComponentCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ComponentBuildVersionArn", "ComponentArn", "ComponentVersionArn")]
        [ApiMember("componentBuildVersionArn")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var buildArn in BuildVersions())
            {
                var request = new DeleteComponentRequest { ComponentBuildVersionArn = buildArn };
                if (!Validate(request, buildArn) || !ShouldProcess(buildArn, "Delete component build version", Force))
                {
                    continue;
                }
                if (Call(ServiceBinding.ImageBuilder, IbOperations.DeleteComponent, request, buildArn) is DeleteComponentResponse deleted && PassThru)
                {
                    WriteObject(deleted.ComponentBuildVersionArn);
                }
            }
        }

        /// <summary>The build versions the given ARN stands for: itself, or every build of a version.</summary>
        private IEnumerable<string> BuildVersions()
        {
            if (!IbArn.TryParse(Arn, out var arn) || arn.ResourceType != "component")
            {
                WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"'{Arn}' is not a component ARN. Pipe in Get-IbComponent output, or pass -Arn arn:aws:imagebuilder:REGION:ACCOUNT:component/NAME/1.0.0/1.", Arn));
                yield break;
            }
            if (arn.IsBuildVersion)
            {
                yield return Arn;
                yield break;
            }
            if (!arn.IsExactVersion)
            {
                WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"'{Arn}' names no single version. Give a version (…/1.0.0) or a build version (…/1.0.0/1).", Arn));
                yield break;
            }
            var list = new ListComponentBuildVersionsRequest { ComponentVersionArn = Arn };
            var found = new List<string>();
            string? token = null;
            do
            {
                list.NextToken = token;
                if (Call(ServiceBinding.ImageBuilder, IbOperations.ListComponentBuildVersions, list, Arn) is not ListComponentBuildVersionsResponse page)
                {
                    yield break;
                }
                foreach (var summary in page.ComponentSummaryList ?? new List<ComponentSummary>())
                {
                    if (summary.Arn is not null) found.Add(summary.Arn);
                }
                token = page.NextToken;
            }
            while (!string.IsNullOrEmpty(token));
            if (found.Count == 0)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"The component version '{Arn}' has no builds to delete."), "ComponentVersionNotFound", ErrorCategory.ObjectNotFound, Arn));
            }
            foreach (var build in found)
            {
                yield return build;
            }
        }
    }
}
