using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;
using ImageBuilder.PS.Protocol;
using ImageBuilder.PS.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using L = ImageBuilder.PS.Model.Publishing.PipelineFolderLayout;

namespace ImageBuilder.PS.Documents
{
    /// <summary>
    /// Reads a pipeline folder (pipeline.yaml and the component and workflow documents it names) and checks all of
    /// it before anything is sent: the YAML, each setting against the model's rules, each document as
    /// Test-IbComponent and Test-IbWorkflow do, and that every name used by reference is defined in the folder.
    /// </summary>
    public static class PipelineFolderReader
    {
        // The members publishing fills in: the ARNs that join the folder's parts, versions, documents, tokens.
        private static readonly HashSet<string> PipelineArns = new(StringComparer.Ordinal)
            { "imageRecipeArn", "containerRecipeArn", "infrastructureConfigurationArn", "distributionConfigurationArn" };
        private static readonly HashSet<string> PipelineFilled = new(PipelineArns, StringComparer.Ordinal) { L.Workflows };
        private static readonly HashSet<string> DefinitionFilled = new(StringComparer.Ordinal) { "semanticVersion", "data", "uri", L.Version, L.File };

        public static (PipelineFolder? Folder, IReadOnlyList<FolderProblem> Problems) Read(string folder)
        {
            var file = L.PipelineFile;
            var reader = new YamlShapeReader(file);
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                reader.Problem(null, "", $"there is no {file} in {folder}; Export-IbPipeline writes one.");
                return (null, reader.Problems);
            }
            var root = Load(File.ReadAllText(path), reader);
            if (root is null)
            {
                return (null, reader.Problems);
            }
            var sections = new[] { L.Pipeline, L.Recipe, L.Infrastructure, L.Distribution, L.Components, L.Workflows };
            foreach (var key in root.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!sections.Contains(name, StringComparer.Ordinal))
                {
                    reader.Problem(key, name, $"'{name}' is not a section of {file}; the sections are {string.Join(", ", sections)}.");
                }
            }

            var components = Definitions<CreateComponentRequest>(folder, root, L.Components, IbShapes.CreateComponentRequest, reader, ComponentDocumentChecker.Check, "platform");
            var workflows = Definitions<CreateWorkflowRequest>(folder, root, L.Workflows, IbShapes.CreateWorkflowRequest, reader, WorkflowDocumentChecker.Check, "type");

            var infrastructure = Settings<CreateInfrastructureConfigurationRequest>(root, L.Infrastructure, IbShapes.CreateInfrastructureConfigurationRequest, reader, required: true);
            var distribution = Settings<CreateDistributionConfigurationRequest>(root, L.Distribution, IbShapes.CreateDistributionConfigurationRequest, reader, required: false);

            // The recipe: its own version, and components by the folder's name or by ARN.
            var recipeVersion = "";
            CreateImageRecipeRequest? recipe = null;
            var recipeComponents = new List<string?>();
            if (Section(root, L.Recipe, reader, required: true) is { } recipeNode)
            {
                var read = reader.Structure(recipeNode, IbShapes.CreateImageRecipeRequest, L.Recipe, k => DefinitionFilled.Contains(k) || k == L.Components);
                recipe = (CreateImageRecipeRequest)read.Value;
                recipeVersion = Text(recipeNode, L.Version, L.Recipe, reader) ?? "";
                recipe.Components = References<ComponentConfiguration>(recipeNode, L.Components, L.Recipe, IbShapes.ComponentConfiguration, L.ComponentReference, "componentArn",
                    components.Select(c => c.Name), recipeComponents, reader);
            }

            // The pipeline: its settings, and workflows by the folder's name or by ARN.
            FolderSettings<CreateImagePipelineRequest>? pipeline = null;
            var pipelineWorkflows = new List<string?>();
            if (Section(root, L.Pipeline, reader, required: true) is { } pipelineNode)
            {
                var read = reader.Structure(pipelineNode, IbShapes.CreateImagePipelineRequest, L.Pipeline, PipelineFilled.Contains);
                var request = (CreateImagePipelineRequest)read.Value;
                if (pipelineNode.Children.ContainsKey(new YamlScalarNode(L.Workflows)))
                {
                    read.Given.Add(L.Workflows);
                    request.Workflows = References<WorkflowConfiguration>(pipelineNode, L.Workflows, L.Pipeline, IbShapes.WorkflowConfiguration, L.WorkflowReference, "workflowArn",
                        workflows.Select(w => w.Name), pipelineWorkflows, reader);
                }
                pipeline = new FolderSettings<CreateImagePipelineRequest>(request, read.Given);
                CheckSchedule(request, pipelineNode, reader);
            }

            var versionFilled = new[] { "semanticVersion" };
            if (pipeline is not null) Check(pipeline.Request, L.Pipeline, reader, PipelineArns, OwnReferences(pipelineWorkflows, L.Workflows, "workflowArn"));
            if (recipe is not null) Check(recipe, L.Recipe, reader, versionFilled, OwnReferences(recipeComponents, L.Components, "componentArn"));
            if (infrastructure is not null) Check(infrastructure.Request, L.Infrastructure, reader, Array.Empty<string>());
            if (distribution is not null) Check(distribution.Request, L.Distribution, reader, Array.Empty<string>());
            for (var i = 0; i < components.Count; i++) Check(components[i].Request, $"{L.Components}[{i}]", reader, versionFilled);
            for (var i = 0; i < workflows.Count; i++) Check(workflows[i].Request, $"{L.Workflows}[{i}]", reader, versionFilled);

            if (reader.Problems.Count > 0 || pipeline is null || recipe is null || infrastructure is null)
            {
                return (null, reader.Problems);
            }
            return (new PipelineFolder(folder, pipeline, pipelineWorkflows, recipeVersion, recipe, recipeComponents, infrastructure, distribution, components, workflows), reader.Problems);
        }

        private static YamlMappingNode? Load(string text, YamlShapeReader reader)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                reader.Problems.Add(new FolderProblem(L.PipelineFile, "", (int)Math.Max(1, e.Start.Line), "the text is not valid YAML: " + e.Message));
                return null;
            }
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                reader.Problem(null, "", $"must be a mapping with the sections {L.Pipeline}, {L.Recipe}, {L.Infrastructure} and, where used, {L.Distribution}, {L.Components}, {L.Workflows}.");
                return null;
            }
            return root;
        }

        private static YamlMappingNode? Section(YamlMappingNode root, string name, YamlShapeReader reader, bool required)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(name), out var node) || YamlShapeReader.IsNull(node))
            {
                if (required) reader.Problem(null, name, "this section is required.");
                return null;
            }
            if (node is not YamlMappingNode mapping)
            {
                reader.Problem(node, name, "must be a mapping of settings.");
                return null;
            }
            return mapping;
        }

        private static FolderSettings<T>? Settings<T>(YamlMappingNode root, string name, ShapeDef shape, YamlShapeReader reader, bool required) where T : class
        {
            if (Section(root, name, reader, required) is not { } node)
            {
                return null;
            }
            var read = reader.Structure(node, shape, name);
            return new FolderSettings<T>((T)read.Value, read.Given);
        }

        private static string? Text(YamlMappingNode node, string key, string path, YamlShapeReader reader)
        {
            if (node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } && !YamlShapeReader.IsNull(value))
            {
                return text;
            }
            reader.Problem(node, YamlShapeReader.Join(path, key), "is required.");
            return null;
        }

        /// <summary>The components or workflows section: each entry's settings, version and document file.</summary>
        private static List<FolderDefinition<T>> Definitions<T>(string folder, YamlMappingNode root, string section, ShapeDef shape, YamlShapeReader reader,
            Func<string, IReadOnlyList<DocumentFinding>> check, string kindMember) where T : class
        {
            var found = new List<FolderDefinition<T>>();
            if (!root.Children.TryGetValue(new YamlScalarNode(section), out var node) || YamlShapeReader.IsNull(node))
            {
                return found;
            }
            if (node is not YamlSequenceNode entries)
            {
                reader.Problem(node, section, "must be a list (lines starting with '- ').");
                return found;
            }
            var index = 0;
            foreach (var entry in entries.Children)
            {
                var field = $"{section}[{index++}]";
                if (entry is not YamlMappingNode mapping)
                {
                    reader.Problem(entry, field, "must be a mapping with name, version, file and its settings.");
                    continue;
                }
                var read = reader.Structure(mapping, shape, field, DefinitionFilled.Contains);
                var version = Text(mapping, L.Version, field, reader);
                var file = Text(mapping, L.File, field, reader);
                var name = read.Value.GetMember(shape.FindBodyMember("name")!.Index) as string;
                if (name is null || version is null || file is null)
                {
                    if (name is null) reader.Problem(mapping, field + ".name", "is required.");
                    continue;
                }
                if (found.Any(f => f.Name == name))
                {
                    reader.Problem(mapping, field + ".name", $"'{name}' is defined twice in {section}.");
                    continue;
                }
                if (read.Value.GetMember(shape.FindBodyMember(kindMember)!.Index) is null)
                {
                    reader.Problem(mapping, $"{field}.{kindMember}", "is required.");
                }
                var documentPath = Path.Combine(folder, file);
                if (!File.Exists(documentPath))
                {
                    reader.Problem(mapping, field + "." + L.File, $"the file '{file}' is not in the folder.");
                    continue;
                }
                var text = File.ReadAllText(documentPath);
                foreach (var finding in check(text).Where(f => f.Severity == FindingSeverity.Error))
                {
                    reader.Problems.Add(new FolderProblem(file, finding.Path, finding.Line, finding.Message));
                }
                read.Value.SetMember(shape.FindBodyMember("data")!.Index, text);
                found.Add(new FolderDefinition<T>(name, version, file, (T)read.Value));
            }
            return found;
        }

        /// <summary>
        /// A list of configurations (a recipe's components, a pipeline's workflows) whose entries name a document of
        /// the folder (<paramref name="nameKey"/>) or give an ARN (<paramref name="arnKey"/>); the names go to <paramref name="names"/>.
        /// </summary>
        private static List<T>? References<T>(YamlMappingNode parent, string key, string path, ShapeDef shape, string nameKey, string arnKey,
            IEnumerable<string> defined, List<string?> names, YamlShapeReader reader) where T : class
        {
            if (!parent.Children.TryGetValue(new YamlScalarNode(key), out var node) || YamlShapeReader.IsNull(node))
            {
                return null;
            }
            var field = YamlShapeReader.Join(path, key);
            if (node is not YamlSequenceNode entries)
            {
                reader.Problem(node, field, "must be a list (lines starting with '- ').");
                return null;
            }
            var known = new HashSet<string>(defined, StringComparer.Ordinal);
            var list = new List<T>();
            var index = 0;
            foreach (var entry in entries.Children)
            {
                var itemField = $"{field}[{index++}]";
                if (entry is not YamlMappingNode mapping)
                {
                    reader.Problem(entry, itemField, $"must be a mapping with {nameKey} (a name from this file) or {arnKey}.");
                    continue;
                }
                var read = reader.Structure(mapping, shape, itemField, k => k == nameKey);
                string? name = null;
                if (mapping.Children.TryGetValue(new YamlScalarNode(nameKey), out var nameNode))
                {
                    name = (nameNode as YamlScalarNode)?.Value;
                    if (read.Given.Contains(arnKey))
                    {
                        reader.Problem(mapping, itemField, $"give {nameKey} or {arnKey}, not both.");
                    }
                    else if (name is null || !known.Contains(name))
                    {
                        reader.Problem(nameNode, $"{itemField}.{nameKey}", $"'{name}' is not in the {key} section of {L.PipelineFile}.");
                    }
                }
                names.Add(name);
                list.Add((T)read.Value);
            }
            return list;
        }

        private static HashSet<string> OwnReferences(List<string?> names, string list, string arnKey)
        {
            var paths = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i] is not null) paths.Add($"{list}[{i}].{arnKey}");
            }
            return paths;
        }

        /// <summary>
        /// The schedule's cron expression, field by field, as -Schedule checks it: 'cron(90 3 * * ? *)' is named here
        /// with its line instead of being refused by the service half-way through a publish.
        /// </summary>
        private static void CheckSchedule(CreateImagePipelineRequest request, YamlMappingNode pipelineNode, YamlShapeReader reader)
        {
            if (request.Schedule?.ScheduleExpression is not { } expression || CronFields.ExpressionProblem(expression) is not { } problem)
            {
                return;
            }
            YamlNode at = pipelineNode;
            if (pipelineNode.Children.TryGetValue(new YamlScalarNode("schedule"), out var schedule))
            {
                at = schedule is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("scheduleExpression"), out var value) ? value : schedule;
            }
            reader.Problem(at, $"{L.Pipeline}.schedule.scheduleExpression", $"'{expression}' is not a schedule Image Builder takes: {problem}. {CronFields.Form}");
        }

        /// <summary>
        /// The model's rules for a request, but not for what publishing fills in: the members <paramref name="filled"/>
        /// names, and the ARNs of entries that name a document of the folder (<paramref name="references"/>, as paths).
        /// </summary>
        private static void Check(IAwsStructure request, string section, YamlShapeReader reader, ICollection<string> filled, ICollection<string>? references = null)
        {
            foreach (var violation in RequestValidator.Validate(request))
            {
                if (filled.Contains(violation.Member.WireName) || references?.Contains(violation.Path) == true)
                {
                    continue;
                }
                reader.Problems.Add(new FolderProblem(L.PipelineFile, YamlShapeReader.Join(section, violation.Path), 0, $"{violation.Rule}."));
            }
        }
    }
}
