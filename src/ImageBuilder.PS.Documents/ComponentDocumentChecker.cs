using System.Collections.Generic;
using System.Linq;
using ImageBuilder.PS.Model.Ib;
using YamlDotNet.RepresentationModel;

namespace ImageBuilder.PS.Documents
{
    /// <summary>
    /// Checks an AWSTOE component document offline: its shape (schemaVersion, parameters, phases of steps), step
    /// names, known action modules and their required inputs, step controls, {{ }} references and size. What it
    /// reports the build would otherwise find an hour later, or the service would refuse.
    /// </summary>
    public static class ComponentDocumentChecker
    {
        private static readonly string[] TopLevel = { "name", "description", "schemaVersion", "parameters", "constants", "phases" };
        private static readonly string[] PhaseNames = { "build", "validate", "test", "container-host-test" };
        private static readonly string[] StepKeys = { "name", "action", "inputs", "onFailure", "timeoutSeconds", "maxAttempts", "loop", "if" };
        private static readonly string[] OnFailure = { "Abort", "Continue", "Ignore" };

        /// <summary>How long an inline document may be (the longest the service takes in CreateComponent's data).</summary>
        public static int MaxLength => (int)(IbShapes.InlineComponentData.Max ?? 16000);

        public static IReadOnlyList<DocumentFinding> Check(string text)
        {
            var view = YamlView.Parse(text);
            if (text.Length > MaxLength)
            {
                view.Error(null, "", "DocumentTooLarge",
                    $"The document has {text.Length} characters; a component's inline document may have at most {MaxLength}. Put it in S3 and pass its URI instead.");
            }
            if (view.Root is null)
            {
                if (view.Findings.Count == 0) view.Error(null, "", "DocumentEmpty", "The document is empty.");
                return view.InOrder();
            }
            if (view.Root is not YamlMappingNode root)
            {
                view.Error(view.Root, "", "DocumentNotAMapping", "A component document is a set of keys (schemaVersion, phases, ...), not a list or a single value.");
                return view.InOrder();
            }
            StepChecks.UnknownKeys(view, root, "", TopLevel, "Component documents");
            SchemaVersion.Check(view, root);
            var variables = Variables(view, root);
            Phases(view, root, variables);
            return view.InOrder();
        }

        /// <summary>Declared parameters and constants: the names {{ }} may refer to.</summary>
        private static HashSet<string> Variables(YamlView view, YamlMappingNode root)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var section in new[] { "parameters", "constants" })
            {
                var node = YamlView.Get(root, section);
                if (node is null) continue;
                if (node is not YamlSequenceNode list)
                {
                    view.Error(node, section, "SectionNotAList", $"'{section}' is a list; each entry is '- NAME:' with its settings under it.");
                    continue;
                }
                for (int i = 0; i < list.Children.Count; i++)
                {
                    var path = $"{section}[{i}]";
                    if (list.Children[i] is not YamlMappingNode entry || entry.Children.Count != 1)
                    {
                        view.Error(list.Children[i], path, "VariableMalformed", $"Each entry of '{section}' is '- NAME:' with its settings (type, ...) indented under it.");
                        continue;
                    }
                    var pair = entry.Children.First();
                    var name = YamlView.Text(pair.Key) ?? "";
                    if (!names.Add(name))
                    {
                        view.Error(pair.Key, path, "VariableDuplicate", $"'{name}' is declared twice.");
                    }
                    if (pair.Value is not YamlMappingNode settings)
                    {
                        view.Error(pair.Value, path + "." + name, "VariableMalformed", $"'{name}' needs its settings under it, at least 'type: string'.");
                        continue;
                    }
                    var type = YamlView.Get(settings, "type");
                    if (YamlView.Text(type) != "string")
                    {
                        view.Error(type ?? settings, path + "." + name + ".type", "VariableTypeInvalid", $"'{name}' needs 'type: string' (the only type component {section} have).");
                    }
                    if (section == "constants" && YamlView.Get(settings, "value") is null)
                    {
                        view.Error(settings, path + "." + name, "ConstantValueMissing", $"The constant '{name}' needs a value.");
                    }
                }
            }
            return names;
        }

        private static void Phases(YamlView view, YamlMappingNode root, HashSet<string> variables)
        {
            var node = YamlView.Get(root, "phases", out _);
            if (node is null)
            {
                view.Error(root, "phases", "PhasesMissing", "The document has no phases: add 'phases:' with at least one of build, validate or test.");
                return;
            }
            if (node is not YamlSequenceNode phases || phases.Children.Count == 0)
            {
                view.Error(node, "phases", "PhasesEmpty", "'phases' is a list with at least one phase (build, validate or test).");
                return;
            }
            var seenPhases = new HashSet<string>(System.StringComparer.Ordinal);
            var stepsByPhase = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
            for (int p = 0; p < phases.Children.Count; p++)
            {
                var path = $"phases[{p}]";
                if (phases.Children[p] is not YamlMappingNode phase)
                {
                    view.Error(phases.Children[p], path, "PhaseMalformed", "Each phase has a 'name' and a list of 'steps'.");
                    continue;
                }
                var nameNode = YamlView.Get(phase, "name");
                var phaseName = YamlView.Text(nameNode) ?? "";
                if (System.Array.IndexOf(PhaseNames, phaseName) < 0)
                {
                    view.Error(nameNode ?? phase, path + ".name", "PhaseNameInvalid",
                        $"'{phaseName}' is not a phase Image Builder runs; use {string.Join(", ", PhaseNames)}.");
                }
                else if (!seenPhases.Add(phaseName))
                {
                    view.Error(nameNode, path + ".name", "PhaseDuplicate", $"The phase '{phaseName}' appears twice; put all its steps in one.");
                }
                var steps = new List<string>();
                stepsByPhase[phaseName] = steps;
                Steps(view, phase, path, phaseName, steps, stepsByPhase, variables);
            }
        }

        private static void Steps(YamlView view, YamlMappingNode phase, string path, string phaseName, List<string> steps,
            Dictionary<string, List<string>> stepsByPhase, HashSet<string> variables)
        {
            var node = YamlView.Get(phase, "steps");
            if (node is not YamlSequenceNode list || list.Children.Count == 0)
            {
                view.Error(node ?? phase, path + ".steps", "StepsEmpty", $"The {phaseName} phase needs a list of 'steps', at least one.");
                return;
            }
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            for (int s = 0; s < list.Children.Count; s++)
            {
                var stepPath = $"{path}.steps[{s}]";
                if (list.Children[s] is not YamlMappingNode step)
                {
                    view.Error(list.Children[s], stepPath, "StepMalformed", "Each step is a set of keys: name, action, inputs, ...");
                    continue;
                }
                var name = StepChecks.Name(view, step, stepPath, seen, $"in the {phaseName} phase", StepChecks.ComponentStepNames);
                StepChecks.UnknownKeys(view, step, stepPath, StepKeys, "Steps");
                StepChecks.Action(view, step, stepPath, ActionCatalog.ComponentActions, "AWSTOE");
                StepChecks.Controls(view, step, stepPath, OnFailure);
                References(view, step, stepPath, phaseName, stepsByPhase, variables);
                if (name is not null) steps.Add(name);
            }
        }

        /// <summary>
        /// {{ name }} must be a declared parameter or constant (or the loop's own variables); {{ phase.step.outputs... }}
        /// must name a step that runs before this one.
        /// </summary>
        private static void References(YamlView view, YamlMappingNode step, string path, string phaseName,
            Dictionary<string, List<string>> stepsByPhase, HashSet<string> variables)
        {
            foreach (var (name, at) in view.TemplateReferences(step))
            {
                var parts = name.Split('.');
                if (parts.Length == 1)
                {
                    if (!variables.Contains(name))
                    {
                        view.Warning(at, path, "VariableUnknown", $"{{{{ {name} }}}} refers to no parameter or constant of this document.");
                    }
                    continue;
                }
                if (parts[0] == "loop")
                {
                    if (YamlView.Get(step, "loop") is null)
                    {
                        view.Error(at, path, "LoopVariableOutsideLoop", $"{{{{ {name} }}}} is used in a step that has no loop.");
                    }
                    continue;
                }
                if (parts.Length >= 3 && parts[2] == "outputs")
                {
                    var earlier = stepsByPhase.TryGetValue(parts[0], out var steps) && steps.Contains(parts[1]);
                    if (!earlier)
                    {
                        view.Error(at, path, "StepOutputUnknown",
                            $"{{{{ {name} }}}} refers to the outputs of '{parts[1]}' in the {parts[0]} phase, but no such step runs before this one.");
                    }
                }
            }
        }
    }

    /// <summary>Both kinds of document declare schemaVersion 1.0.</summary>
    internal static class SchemaVersion
    {
        public static void Check(YamlView view, YamlMappingNode root)
        {
            var node = YamlView.Get(root, "schemaVersion");
            if (node is null)
            {
                view.Error(root, "schemaVersion", "SchemaVersionMissing", "The document needs 'schemaVersion: 1.0'.");
            }
            else if (YamlView.Text(node) is not ("1.0" or "1"))
            {
                view.Error(node, "schemaVersion", "SchemaVersionUnsupported", $"schemaVersion is '{YamlView.Text(node)}'; the only version is 1.0.");
            }
        }
    }
}
