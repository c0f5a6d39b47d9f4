using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Documents;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>
    /// Writes an image pipeline as a folder (pipeline.yaml and one YAML file per component and workflow the account
    /// owns) that Publish-IbPipeline applies again, here or in another account. Reads the service only; -WhatIf
    /// reads and writes no file.
    /// </summary>
    [CallsOperations("imagebuilder", "ListImagePipelines", "GetImagePipeline", "GetImageRecipe", "GetInfrastructureConfiguration", "GetDistributionConfiguration", "GetComponent", "GetWorkflow")]
    [Cmdlet(VerbsData.Export, "IbPipeline", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DirectoryInfo))]
    public sealed class ExportIbPipelineCommand : IbCmdlet
    {
        private const string NameSet = "Name";
        private const string ArnSet = "Arn";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ArgumentCompleter(typeof(PipelineNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImagePipelineArn", "PipelineArn")]
        [ArgumentCompleter(typeof(PipelineArnCompleter))]
        public string Arn { get; set; } = "";

        /// <summary>The folder to write; it is created when it does not exist.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        public string Path { get; set; } = "";

        /// <summary>Writes into a folder that is not empty, replacing the files the export writes.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !Force)
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("FolderNotEmpty",
                    $"The folder '{folder}' given as -Path is not empty; give an empty or new folder, or -Force to write over what the export writes there.", folder));
            }
            if (File.Exists(folder))
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("PathIsFile", $"-Path '{folder}' is a file; give a folder.", folder));
            }
            var pipeline = ParameterSetName == ArnSet ? Read(Arn) : Find(Name);
            if (pipeline is null)
            {
                return;
            }
            var target = pipeline.Name ?? pipeline.Arn;
            if (pipeline.ImageRecipeArn is null)
            {
                WriteError(ErrorRecords.InvalidInput("ContainerPipelineNotExported",
                    $"The pipeline '{target}' builds from a container recipe; Export-IbPipeline writes pipelines that build from an image recipe.", target));
                return;
            }
            if (Get(IbOperations.GetImageRecipe, new GetImageRecipeRequest { ImageRecipeArn = pipeline.ImageRecipeArn }, pipeline.ImageRecipeArn)?.ImageRecipe is not { } recipe
                || Get(IbOperations.GetInfrastructureConfiguration,
                    new GetInfrastructureConfigurationRequest { InfrastructureConfigurationArn = pipeline.InfrastructureConfigurationArn }, pipeline.InfrastructureConfigurationArn)?.InfrastructureConfiguration is not { } infrastructure)
            {
                return;
            }
            DistributionConfiguration? distribution = null;
            if (pipeline.DistributionConfigurationArn is { } distributionArn
                && (distribution = Get(IbOperations.GetDistributionConfiguration,
                    new GetDistributionConfigurationRequest { DistributionConfigurationArn = distributionArn }, distributionArn)?.DistributionConfiguration) is null)
            {
                return;
            }
            var export = new PipelineExport(pipeline, recipe, infrastructure, distribution);
            foreach (var arn in export.OwnComponentArns)
            {
                if (Get(IbOperations.GetComponent, new GetComponentRequest { ComponentBuildVersionArn = arn }, arn)?.Component is not { } component) return;
                export.Add(component);
            }
            foreach (var arn in export.OwnWorkflowArns)
            {
                if (Get(IbOperations.GetWorkflow, new GetWorkflowRequest { WorkflowBuildVersionArn = arn }, arn)?.Workflow is not { } workflow) return;
                export.Add(workflow);
            }
            if (ShouldProcess(folder, $"Write the image pipeline '{target}' as a folder"))
            {
                Write(folder, export);
                WriteObject(new DirectoryInfo(folder));
            }
        }

        private ImagePipeline? Read(string arn) =>
            Get(IbOperations.GetImagePipeline, new GetImagePipelineRequest { ImagePipelineArn = arn }, arn)?.ImagePipeline;

        private ImagePipeline? Find(string name)
        {
            var list = new ListImagePipelinesRequest { Filters = new() { new Filter { Name = "name", Values = new() { name } } } };
            var failed = FailedCalls;
            var found = ReadPages(IbOperations.ListImagePipelines, list, name).FirstOrDefault(p => p.Name == name);
            if (found is null && FailedCalls == failed)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"There is no image pipeline named '{name}'."), "PipelineNotFound", ErrorCategory.ObjectNotFound, name));
            }
            // The listing holds the pipeline as Get- does, but reading it by ARN keeps Export to one shape of answer.
            return found?.Arn is { } arn ? Read(arn) : null;
        }

        private TResponse? Get<TRequest, TResponse>(Protocol.OperationDef<TRequest, TResponse> operation, TRequest request, string? target)
            where TRequest : class, Protocol.IAwsStructure
            where TResponse : class, Protocol.IAwsStructure =>
            Validate(request, target) ? Call(operation, request, target) : null;

        /// <summary>Writes the files; UTF-8 without a byte order mark and with \n, so the folder diffs cleanly in git on any system.</summary>
        private void Write(string folder, PipelineExport export)
        {
            var encoding = new UTF8Encoding(false);
            Directory.CreateDirectory(folder);
            foreach (var (file, text) in export.Files())
            {
                var path = System.IO.Path.Combine(folder, file);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text.Replace("\r\n", "\n"), encoding);
                Verbose($"Wrote {path}.");
            }
            File.WriteAllText(System.IO.Path.Combine(folder, PipelineFolderLayout.PipelineFile), (export.Header + YamlWriter.Write(export.PipelineFile())).Replace("\r\n", "\n"), encoding);
        }
    }
}
