using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ImageBuilder.PS.Documents
{
    /// <summary>What step names may look like in one kind of document, and how to tell the author when one does not.</summary>
    internal sealed class StepNameRule
    {
        public StepNameRule(string pattern, string explanation)
        {
            Pattern = new Regex(pattern, RegexOptions.CultureInvariant);
            Explanation = explanation;
        }

        public Regex Pattern { get; }
        /// <summary>Completes "The step name 'x' ...".</summary>
        public string Explanation { get; }
    }

    /// <summary>The checks a step gets in either kind of document: its name, its action and that action's inputs.</summary>
    internal static class StepChecks
    {
        // \z, not $: $ also matches before a final line break, which a block scalar name can end with.
        public static readonly StepNameRule ComponentStepNames = new(@"^[A-Za-z0-9_-]{1,128}\z",
            "may use only letters, digits, hyphens and underscores (at most 128), because other steps refer to it by name");

        /// <summary>The pattern Image Builder's API gives workflow step names; CreateWorkflow refuses any other.</summary>
        public static readonly StepNameRule WorkflowStepNames = new(@"^[A-Za-z][A-Za-z0-9_-]{1,99}\z",
            "must start with a letter and have 2 to 100 letters, digits, hyphens or underscores (Image Builder's pattern ^[A-Za-z][A-Za-z0-9-_]{1,99}$)");

        /// <summary>Checks the step's name (pattern, uniqueness among <paramref name="seen"/>); gives it, or null.</summary>
        public static string? Name(YamlView view, YamlMappingNode step, string path, HashSet<string> seen, string scope, StepNameRule rule)
        {
            var nameNode = YamlView.Get(step, "name");
            var name = YamlView.Text(nameNode);
            if (string.IsNullOrEmpty(name))
            {
                view.Error(step, path, "StepNameMissing", "Every step needs a name.");
                return null;
            }
            if (!rule.Pattern.IsMatch(name!))
            {
                view.Error(nameNode, path + ".name", "StepNameInvalid", $"The step name '{name}' {rule.Explanation}.");
            }
            else if (!seen.Add(name!))
            {
                view.Error(nameNode, path + ".name", "StepNameDuplicate", $"Two steps {scope} are named '{name}'; step names must be unique {scope}.");
            }
            return name;
        }

        /// <summary>Checks the action is one the catalog knows and the inputs it needs are there.</summary>
        public static ActionSpec? Action(YamlView view, YamlMappingNode step, string path, IReadOnlyDictionary<string, ActionSpec> catalog, string kind)
        {
            var actionNode = YamlView.Get(step, "action");
            var action = YamlView.Text(actionNode);
            if (string.IsNullOrEmpty(action))
            {
                view.Error(step, path, "ActionMissing", "The step has no action: say what it does with 'action:' (for example " + catalog.Keys.First() + ").");
                return null;
            }
            if (!catalog.TryGetValue(action!, out var spec))
            {
                var guess = ActionCatalog.Closest(action!, catalog.Keys);
                view.Error(actionNode, path + ".action", "UnknownAction",
                    $"'{action}' is not an action {kind} can run." + (guess is null ? "" : $" Did you mean {guess}?"));
                return null;
            }
            Inputs(view, step, path, spec);
            return spec;
        }

        private static void Inputs(YamlView view, YamlMappingNode step, string path, ActionSpec spec)
        {
            var inputs = YamlView.Get(step, "inputs", out var key);
            var at = path + ".inputs";
            if (YamlView.IsNull(inputs))
            {
                if (!spec.InputsOptional && (spec.Required.Length > 0 || spec.OneOf.Length > 0 || spec.Form != InputsForm.Mapping))
                {
                    view.Error(key ?? step, at, "InputsMissing", $"{spec.Name} needs inputs: {Describe(spec)}.");
                }
                return;
            }
            switch (spec.Form)
            {
                case InputsForm.ListOfItems:
                    if (inputs is not YamlSequenceNode items)
                    {
                        view.Error(inputs, at, "InputsNotAList", $"{spec.Name} takes a list of items under 'inputs', each with {Describe(spec)}.");
                        return;
                    }
                    if (items.Children.Count == 0)
                    {
                        view.Error(inputs, at, "InputsEmpty", $"{spec.Name} has an empty list of inputs, so it would do nothing.");
                    }
                    for (int i = 0; i < items.Children.Count; i++)
                    {
                        if (items.Children[i] is YamlMappingNode item) Required(view, item, $"{at}[{i}]", spec);
                        else view.Error(items.Children[i], $"{at}[{i}]", "InputItemNotAMapping", $"Each item of {spec.Name}'s inputs is a set of keys: {Describe(spec)}.");
                    }
                    break;
                case InputsForm.Mapping:
                    if (inputs is not YamlMappingNode map)
                    {
                        view.Error(inputs, at, "InputsNotAMapping", $"{spec.Name} takes its inputs as keys and values: {Describe(spec)}.");
                        return;
                    }
                    Required(view, map, at, spec);
                    break;
            }
        }

        private static void Required(YamlView view, YamlMappingNode map, string at, ActionSpec spec)
        {
            foreach (var key in spec.Required)
            {
                if (!Has(map, key))
                {
                    view.Error(map, at, "InputMissing", $"{spec.Name} needs the input '{key}'.");
                }
            }
            foreach (var group in spec.OneOf)
            {
                var given = group.Count(k => Has(map, k));
                if (given == 0) view.Error(map, at, "InputMissing", $"{spec.Name} needs one of the inputs {string.Join(" or ", group.Select(k => "'" + k + "'"))}.");
                else if (given > 1) view.Error(map, at, "InputConflict", $"{spec.Name} takes only one of {string.Join(" and ", group.Select(k => "'" + k + "'"))}.");
            }
        }

        /// <summary>A key, or its reference form "key.$" (workflows pass step outputs that way).</summary>
        private static bool Has(YamlMappingNode map, string key) => YamlView.Get(map, key) is not null || YamlView.Get(map, key + ".$") is not null;

        private static string Describe(ActionSpec spec)
        {
            var parts = spec.Required.Select(k => "'" + k + "'").ToList();
            parts.AddRange(spec.OneOf.Select(g => string.Join(" or ", g.Select(k => "'" + k + "'"))));
            return parts.Count == 0 ? "see the action's documentation" : string.Join(", ", parts);
        }

        /// <summary>onFailure, timeoutSeconds and maxAttempts, where given, have values the runner accepts.</summary>
        public static void Controls(YamlView view, YamlMappingNode step, string path, string[] onFailureValues)
        {
            var onFailure = YamlView.Get(step, "onFailure");
            if (onFailure is not null && System.Array.IndexOf(onFailureValues, YamlView.Text(onFailure)) < 0)
            {
                view.Error(onFailure, path + ".onFailure", "OnFailureInvalid",
                    $"onFailure is '{YamlView.Text(onFailure)}'; it takes {string.Join(", ", onFailureValues)}.");
            }
            var timeout = YamlView.Get(step, "timeoutSeconds");
            if (timeout is not null && (!YamlView.TryInteger(timeout, out var seconds) || (seconds < 1 && seconds != -1)))
            {
                view.Error(timeout, path + ".timeoutSeconds", "TimeoutInvalid",
                    $"timeoutSeconds is '{YamlView.Text(timeout)}'; it takes a whole number of seconds, 1 or more (or -1 for no limit).");
            }
            var attempts = YamlView.Get(step, "maxAttempts");
            if (attempts is not null && (!YamlView.TryInteger(attempts, out var count) || count < 1))
            {
                view.Error(attempts, path + ".maxAttempts", "MaxAttemptsInvalid", $"maxAttempts is '{YamlView.Text(attempts)}'; it takes a whole number, 1 or more.");
            }
        }

        /// <summary>Keys a step does not take are probably misspelt.</summary>
        public static void UnknownKeys(YamlView view, YamlMappingNode map, string path, string[] known, string what)
        {
            foreach (var pair in map.Children)
            {
                var key = YamlView.Text(pair.Key);
                if (key is not null && !YamlView.IsMergeKey(pair.Key) && System.Array.IndexOf(known, key) < 0)
                {
                    var guess = ActionCatalog.Closest(key, known);
                    view.Warning(pair.Key, path + "." + key, "UnknownKey",
                        $"{what} do not take '{key}', so it is ignored." + (guess is null ? "" : $" Did you mean '{guess}'?"));
                }
            }
        }
    }
}
