using System.Collections.Generic;
using ImageBuilder.PS.Model.Ib;
using YamlDotNet.RepresentationModel;

namespace ImageBuilder.PS.Documents
{
    /// <summary>
    /// Checks an Image Builder workflow document offline: schemaVersion, typed parameters, steps with known actions
    /// and their required inputs, onFailure and timeouts, and every $.stepOutputs / $.parameters reference.
    /// </summary>
    public static class WorkflowDocumentChecker
    {
        private static readonly string[] TopLevel = { "name", "description", "schemaVersion", "parameters", "steps", "outputs" };
        private static readonly string[] StepKeys = { "name", "description", "action", "inputs", "onFailure", "timeoutSeconds", "if" };
        private static readonly string[] ParameterKeys = { "name", "type", "default", "description" };
        private static readonly string[] ParameterTypes = { "string", "integer", "boolean", "stringList" };
        private static readonly string[] OnFailure = { "Abort", "Continue" };
        private static readonly System.Text.RegularExpressions.Regex JsonPath =
            new(@"\$\.(?<kind>stepOutputs|parameters)\.(?<name>[A-Za-z0-9_-]+)[A-Za-z0-9_.\-\[\]]*", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>How long an inline document may be (the longest the service takes in CreateWorkflow's data).</summary>
        public static int MaxLength => (int)(IbShapes.InlineWorkflowData.Max ?? 16000);

        public static IReadOnlyList<DocumentFinding> Check(string text)
        {
            var view = YamlView.Parse(text);
            if (text.Length > MaxLength)
            {
                view.Error(null, "", "DocumentTooLarge",
                    $"The document has {text.Length} characters; a workflow's inline document may have at most {MaxLength}. Put it in S3 and pass its URI instead.");
            }
            if (view.Root is null)
            {
                if (view.Findings.Count == 0) view.Error(null, "", "DocumentEmpty", "The document is empty.");
                return view.InOrder();
            }
            if (view.Root is not YamlMappingNode root)
            {
                view.Error(view.Root, "", "DocumentNotAMapping", "A workflow document is a set of keys (schemaVersion, steps, ...), not a list or a single value.");
                return view.InOrder();
            }
            StepChecks.UnknownKeys(view, root, "", TopLevel, "Workflow documents");
            SchemaVersion.Check(view, root);
            var parameters = Parameters(view, root);
            var steps = Steps(view, root, parameters);
            Outputs(view, root, parameters, steps);
            return view.InOrder();
        }

        private static HashSet<string> Parameters(YamlView view, YamlMappingNode root)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            var node = YamlView.Get(root, "parameters");
            if (node is null) return names;
            if (node is not YamlSequenceNode list)
            {
                view.Error(node, "parameters", "SectionNotAList", "'parameters' is a list; each entry has a name and a type.");
                return names;
            }
            for (int i = 0; i < list.Children.Count; i++)
            {
                var path = $"parameters[{i}]";
                if (list.Children[i] is not YamlMappingNode parameter)
                {
                    view.Error(list.Children[i], path, "ParameterMalformed", "Each parameter is a set of keys: name, type, and optionally default and description.");
                    continue;
                }
                StepChecks.UnknownKeys(view, parameter, path, ParameterKeys, "Parameters");
                var nameNode = YamlView.Get(parameter, "name");
                var name = YamlView.Text(nameNode);
                if (string.IsNullOrEmpty(name)) view.Error(parameter, path, "ParameterNameMissing", "The parameter has no name.");
                else if (!names.Add(name!)) view.Error(nameNode, path + ".name", "ParameterDuplicate", $"The parameter '{name}' is declared twice.");
                var typeNode = YamlView.Get(parameter, "type");
                var type = YamlView.Text(typeNode);
                if (System.Array.IndexOf(ParameterTypes, type) < 0)
                {
                    view.Error(typeNode ?? parameter, path + ".type", "ParameterTypeInvalid",
                        $"The parameter '{name}' needs a type: {string.Join(", ", ParameterTypes)}" + (type is null ? "." : $" (not '{type}')."));
                    continue;
                }
                var fallback = YamlView.Get(parameter, "default");
                if (fallback is not null && !Fits(type!, fallback))
                {
                    view.Error(fallback, path + ".default", "ParameterDefaultInvalid", $"The default of '{name}' is not a {type}.");
                }
            }
            return names;
        }

        private static bool Fits(string type, YamlNode value) => type switch
        {
            "integer" => YamlView.TryInteger(value, out _),
            "boolean" => YamlView.Text(value) is "true" or "false" or "True" or "False",
            "stringList" => value is YamlSequenceNode,
            _ => value is YamlScalarNode,
        };

        private static List<string> Steps(YamlView view, YamlMappingNode root, HashSet<string> parameters)
        {
            var names = new List<string>();
            var node = YamlView.Get(root, "steps");
            if (node is not YamlSequenceNode list || list.Children.Count == 0)
            {
                view.Error(node ?? root, "steps", "StepsEmpty", "The workflow needs a list of 'steps', at least one.");
                return names;
            }
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            for (int s = 0; s < list.Children.Count; s++)
            {
                var path = $"steps[{s}]";
                if (list.Children[s] is not YamlMappingNode step)
                {
                    view.Error(list.Children[s], path, "StepMalformed", "Each step is a set of keys: name, action, inputs, ...");
                    continue;
                }
                var name = StepChecks.Name(view, step, path, seen, "in a workflow", StepChecks.WorkflowStepNames);
                StepChecks.UnknownKeys(view, step, path, StepKeys, "Workflow steps");
                StepChecks.Action(view, step, path, ActionCatalog.WorkflowActions, "an Image Builder workflow");
                StepChecks.Controls(view, step, path, OnFailure);
                References(view, step, path, parameters, names);
                if (name is not null) names.Add(name);
            }
            return names;
        }

        private static void Outputs(YamlView view, YamlMappingNode root, HashSet<string> parameters, List<string> steps)
        {
            var node = YamlView.Get(root, "outputs");
            if (node is null) return;
            if (node is not YamlSequenceNode list)
            {
                view.Error(node, "outputs", "SectionNotAList", "'outputs' is a list; each entry has a name and a value.");
                return;
            }
            for (int i = 0; i < list.Children.Count; i++)
            {
                var path = $"outputs[{i}]";
                if (list.Children[i] is not YamlMappingNode output || YamlView.Get(output, "name") is null || YamlView.Get(output, "value") is null)
                {
                    view.Error(list.Children[i], path, "OutputMalformed", "Each output has a 'name' and a 'value'.");
                    continue;
                }
                References(view, output, path, parameters, steps);
            }
        }

        /// <summary>
        /// Inputs whose key ends in ".$" take a reference; $.stepOutputs.STEP... must name an earlier step and
        /// $.parameters.NAME a declared parameter, wherever they appear.
        /// </summary>
        private static void References(YamlView view, YamlMappingNode node, string path, HashSet<string> parameters, List<string> earlierSteps)
        {
            if (YamlView.Get(node, "inputs") is YamlMappingNode inputs)
            {
                foreach (var pair in inputs.Children)
                {
                    var key = YamlView.Text(pair.Key) ?? "";
                    if (key.EndsWith(".$", System.StringComparison.Ordinal) && !(YamlView.Text(pair.Value) ?? "").StartsWith("$.", System.StringComparison.Ordinal))
                    {
                        view.Error(pair.Value, path + ".inputs." + key, "ReferenceExpected",
                            $"'{key}' ends in '.$', so its value must be a reference such as $.stepOutputs.STEP.OUTPUT or $.parameters.NAME.");
                    }
                }
            }
            foreach (var scalar in YamlView.Scalars(node))
            {
                foreach (System.Text.RegularExpressions.Match match in JsonPath.Matches(scalar.Value ?? ""))
                {
                    var reference = match.Value;
                    var name = match.Groups["name"].Value;
                    var at = view.PositionIn(scalar, match.Index);
                    if (match.Groups["kind"].Value == "stepOutputs")
                    {
                        if (!earlierSteps.Contains(name))
                        {
                            view.Error(at, path, "StepOutputUnknown", $"{reference} refers to the step '{name}', but no step of that name runs before this point.");
                        }
                    }
                    else if (!parameters.Contains(name))
                    {
                        view.Error(at, path, "ParameterUnknown", $"{reference} refers to the parameter '{name}', which the workflow does not declare.");
                    }
                }
            }
        }
    }
}
