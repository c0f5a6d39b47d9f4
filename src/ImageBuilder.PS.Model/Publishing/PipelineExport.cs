using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;
using L = ImageBuilder.PS.Model.Publishing.PipelineFolderLayout;

namespace ImageBuilder.PS.Model.Publishing
{
    /// <summary>
    /// What Export-IbPipeline writes for one pipeline: the data of pipeline.yaml and the documents of the components
    /// and workflows the pipeline's account owns. The ARNs that join the parts become names (the folder's
    /// components and workflows by name, the recipe and configurations by their own section), so the folder applies
    /// in another account; ARNs of what others own (Amazon's components and workflows, ones shared from another
    /// account) stay as they are. Settings that name the account's own resources (subnet, security groups, instance
    /// profile, key pair, SNS topic, KMS keys, execution role, distribution targets) are kept: the service needs
    /// them, and they are the lines to change for another account.
    /// </summary>
    public sealed class PipelineExport
    {
        private readonly ImagePipeline _pipeline;
        private readonly ImageRecipe _recipe;
        private readonly InfrastructureConfiguration _infrastructure;
        private readonly DistributionConfiguration? _distribution;
        private readonly string? _account;
        private readonly Dictionary<string, Component> _components = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Workflow> _workflows = new(StringComparer.Ordinal);

        public PipelineExport(ImagePipeline pipeline, ImageRecipe recipe, InfrastructureConfiguration infrastructure, DistributionConfiguration? distribution)
        {
            _pipeline = pipeline;
            _recipe = recipe;
            _infrastructure = infrastructure;
            _distribution = distribution;
            _account = IbArn.TryParse(pipeline.Arn, out var arn) ? arn.Account : null;
        }

        /// <summary>The recipe's components whose documents the export writes (the pipeline's account owns them).</summary>
        public IEnumerable<string> OwnComponentArns => (_recipe.Components ?? new()).Select(c => c.ComponentArn).OfType<string>().Where(IsOwn).Distinct(StringComparer.Ordinal);

        /// <summary>The pipeline's workflows whose documents the export writes.</summary>
        public IEnumerable<string> OwnWorkflowArns => (_pipeline.Workflows ?? new()).Select(w => w.WorkflowArn).OfType<string>().Where(IsOwn).Distinct(StringComparer.Ordinal);

        public void Add(Component component) => _components[component.Arn ?? ""] = component;

        public void Add(Workflow workflow) => _workflows[workflow.Arn ?? ""] = workflow;

        /// <summary>The comment at the top of pipeline.yaml.</summary>
        public string Header =>
            $"# The image pipeline '{_pipeline.Name}' as code, written by Export-IbPipeline.\n" +
            "# Publish-IbPipeline -Path <this folder> applies it (add -WhatIf for the plan alone). Keys are the service's\n" +
            "# setting names; a setting left out is kept as it is on the service, one given empty is cleared.\n";

        /// <summary>The component and workflow documents, as the service keeps them, by their file in the folder.</summary>
        public IEnumerable<(string File, string Text)> Files() =>
            _components.Values.Select(c => (ComponentFile(c), c.Data ?? ""))
                .Concat(_workflows.Values.Select(w => (WorkflowFile(w), w.Data ?? "")));

        /// <summary>The data of pipeline.yaml, section by section.</summary>
        public OrderedDictionary PipelineFile()
        {
            var file = new OrderedDictionary(StringComparer.Ordinal);
            var pipeline = Section(_pipeline, IbShapes.CreateImagePipelineRequest, "imageRecipeArn", "containerRecipeArn", "infrastructureConfigurationArn", "distributionConfigurationArn");
            if (_pipeline.Workflows is { Count: > 0 } workflows)
            {
                pipeline[L.Workflows] = workflows.Select(w => Reference(w, "workflowArn", L.WorkflowReference, _workflows.TryGetValue(w.WorkflowArn ?? "", out var own) ? own.Name : null)).ToList();
            }
            file[L.Pipeline] = pipeline;

            var recipe = Versioned(_recipe.Name, _recipe.Version);
            foreach (var entry in Section(_recipe, IbShapes.CreateImageRecipeRequest, "name", "semanticVersion").Cast<System.Collections.DictionaryEntry>())
            {
                recipe[entry.Key] = entry.Value;
            }
            if (_recipe.Components is { Count: > 0 } components)
            {
                recipe[L.Components] = components.Select(c => Reference(c, "componentArn", L.ComponentReference, _components.TryGetValue(c.ComponentArn ?? "", out var own) ? own.Name : null)).ToList();
            }
            file[L.Recipe] = recipe;

            file[L.Infrastructure] = Section(_infrastructure, IbShapes.CreateInfrastructureConfigurationRequest);
            if (_distribution is not null)
            {
                file[L.Distribution] = Section(_distribution, IbShapes.CreateDistributionConfigurationRequest);
            }
            if (_components.Count > 0)
            {
                file[L.Components] = _components.Values.Select(c => Definition(c, c.Name, c.Version, ComponentFile(c), IbShapes.CreateComponentRequest)).ToList();
            }
            if (_workflows.Count > 0)
            {
                file[L.Workflows] = _workflows.Values.Select(w => Definition(w, w.Name, w.Version, WorkflowFile(w), IbShapes.CreateWorkflowRequest)).ToList();
            }
            return file;
        }

        /// <summary>
        /// The version an exported definition is published under: the pattern of its minor version (1.2.x for 1.2.3),
        /// so an unchanged document matches and a changed one gets the next patch.
        /// </summary>
        public static string PatternOf(string? version)
        {
            var parts = (version ?? "1.0.0").Split('.');
            return parts.Length >= 2 ? $"{parts[0]}.{parts[1]}.x" : "1.0.x";
        }

        private bool IsOwn(string arn) => IbArn.TryParse(arn, out var parsed) && parsed.Account == _account && _account != "aws";

        private static string ComponentFile(Component c) => $"{L.ComponentFolder}/{c.Name}.yaml";

        private static string WorkflowFile(Workflow w) => $"{L.WorkflowFolder}/{w.Name}.yaml";

        /// <summary>The members of a resource that its create request has too, less the ones named and the client token.</summary>
        private static OrderedDictionary Section(IAwsStructure resource, ShapeDef request, params string[] left)
        {
            return StructureData.From(resource, wire => request.FindBodyMember(wire) is not { IsIdempotencyToken: false } || left.Contains(wire));
        }

        private static OrderedDictionary Versioned(string? name, string? version)
        {
            var data = new OrderedDictionary(StringComparer.Ordinal) { ["name"] = name ?? "", [L.Version] = PatternOf(version) };
            return data;
        }

        private static OrderedDictionary Definition(IAwsStructure resource, string? name, string? version, string file, ShapeDef request)
        {
            var data = Versioned(name, version);
            data[L.File] = file;
            foreach (var entry in Section(resource, request, "name", "semanticVersion", "data", "uri").Cast<System.Collections.DictionaryEntry>())
            {
                data[entry.Key] = entry.Value;
            }
            return data;
        }

        /// <summary>An entry of a recipe's components or a pipeline's workflows: the folder's document by name, or the ARN as it is.</summary>
        private static OrderedDictionary Reference(IAwsStructure configuration, string arnKey, string nameKey, string? ownName)
        {
            if (ownName is null)
            {
                return StructureData.From(configuration);
            }
            var data = new OrderedDictionary(StringComparer.Ordinal) { [nameKey] = ownName };
            foreach (var entry in StructureData.From(configuration, wire => wire == arnKey).Cast<System.Collections.DictionaryEntry>())
            {
                data[entry.Key] = entry.Value;
            }
            return data;
        }
    }
}
