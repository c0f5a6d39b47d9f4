using System;
using System.Collections.Generic;

namespace ImageBuilder.PS.Documents
{
    /// <summary>How an action takes its inputs.</summary>
    internal enum InputsForm
    {
        /// <summary>A mapping of named inputs.</summary>
        Mapping,
        /// <summary>A list of mappings, one per item to act on (files to copy, downloads, ...).</summary>
        ListOfItems,
        /// <summary>Free form (an operator expression, for Assert).</summary>
        Any,
    }

    /// <summary>An action a step may name, and the inputs it cannot do without.</summary>
    internal sealed class ActionSpec
    {
        public ActionSpec(string name, InputsForm form, string[] required, string[][]? oneOf = null, bool inputsOptional = false)
        {
            Name = name;
            Form = form;
            Required = required;
            OneOf = oneOf ?? Array.Empty<string[]>();
            InputsOptional = inputsOptional;
        }

        public string Name { get; }
        public InputsForm Form { get; }
        /// <summary>Keys every input mapping (or every item) must have.</summary>
        public string[] Required { get; }
        /// <summary>Groups of keys of which exactly one must be given (e.g. commands or file).</summary>
        public string[][] OneOf { get; }
        /// <summary>The step may leave out inputs altogether.</summary>
        public bool InputsOptional { get; }
    }

    /// <summary>The action modules AWSTOE runs in component documents, and the actions of Image Builder workflows.</summary>
    internal static class ActionCatalog
    {
        private static readonly string[] None = Array.Empty<string>();
        private static readonly string[] SourceAndDestination = { "source", "destination" };
        private static readonly string[] PathOnly = { "path" };

        public static readonly IReadOnlyDictionary<string, ActionSpec> ComponentActions = Index(
            new ActionSpec("Assert", InputsForm.Any, None),
            new ActionSpec("ExecuteBash", InputsForm.Mapping, None, new[] { new[] { "commands", "file" } }),
            new ActionSpec("ExecuteBinary", InputsForm.Mapping, PathOnly),
            new ActionSpec("ExecuteDocument", InputsForm.Mapping, new[] { "document" }),
            new ActionSpec("ExecutePowerShell", InputsForm.Mapping, None, new[] { new[] { "commands", "file" } }),
            new ActionSpec("S3Download", InputsForm.ListOfItems, SourceAndDestination),
            new ActionSpec("S3Upload", InputsForm.ListOfItems, SourceAndDestination),
            new ActionSpec("WebDownload", InputsForm.ListOfItems, SourceAndDestination),
            new ActionSpec("AppendFile", InputsForm.ListOfItems, new[] { "path", "content" }),
            new ActionSpec("CopyFile", InputsForm.ListOfItems, SourceAndDestination),
            new ActionSpec("CopyFolder", InputsForm.ListOfItems, SourceAndDestination),
            new ActionSpec("CreateFile", InputsForm.ListOfItems, PathOnly),
            new ActionSpec("CreateFolder", InputsForm.ListOfItems, PathOnly),
            new ActionSpec("CreateSymlink", InputsForm.ListOfItems, SourceAndDestination),
            new ActionSpec("DeleteFile", InputsForm.ListOfItems, PathOnly),
            new ActionSpec("DeleteFolder", InputsForm.ListOfItems, PathOnly),
            new ActionSpec("ListFiles", InputsForm.ListOfItems, PathOnly),
            new ActionSpec("MoveFile", InputsForm.ListOfItems, SourceAndDestination),
            new ActionSpec("MoveFolder", InputsForm.ListOfItems, SourceAndDestination),
            new ActionSpec("ReadFile", InputsForm.Mapping, PathOnly),
            new ActionSpec("SetFileEncoding", InputsForm.ListOfItems, new[] { "path", "encoding" }),
            new ActionSpec("SetFileOwner", InputsForm.ListOfItems, new[] { "path", "owner" }),
            new ActionSpec("SetFolderOwner", InputsForm.ListOfItems, new[] { "path", "owner" }),
            new ActionSpec("SetFilePermissions", InputsForm.ListOfItems, new[] { "path", "permissions" }),
            new ActionSpec("SetFolderPermissions", InputsForm.ListOfItems, new[] { "path", "permissions" }),
            new ActionSpec("InstallMSI", InputsForm.Mapping, PathOnly),
            new ActionSpec("UninstallMSI", InputsForm.Mapping, PathOnly),
            new ActionSpec("Reboot", InputsForm.Mapping, None, inputsOptional: true),
            new ActionSpec("SetRegistry", InputsForm.ListOfItems, new[] { "path", "name", "value", "type" }),
            new ActionSpec("UpdateOS", InputsForm.Mapping, None, inputsOptional: true));

        private static readonly string[] InstanceId = { "instanceId" };

        public static readonly IReadOnlyDictionary<string, ActionSpec> WorkflowActions = Index(
            new ActionSpec("ApplyImageConfigurations", InputsForm.Mapping, new[] { "region" }),
            new ActionSpec("BootstrapInstanceForContainer", InputsForm.Mapping, InstanceId),
            new ActionSpec("CollectImageMetadata", InputsForm.Mapping, None, inputsOptional: true),
            new ActionSpec("CollectImageScanFindings", InputsForm.Mapping, InstanceId),
            new ActionSpec("CreateImage", InputsForm.Mapping, InstanceId),
            new ActionSpec("DistributeImage", InputsForm.Mapping, None, inputsOptional: true),
            new ActionSpec("ExecuteComponents", InputsForm.Mapping, InstanceId),
            new ActionSpec("ExecuteStateMachine", InputsForm.Mapping, new[] { "stateMachineArn" }),
            new ActionSpec("LaunchInstance", InputsForm.Mapping, None, inputsOptional: true),
            new ActionSpec("ModifyImageAttributes", InputsForm.Mapping, new[] { "imageId" }),
            new ActionSpec("RegisterImage", InputsForm.Mapping, None, inputsOptional: true),
            new ActionSpec("RunCommand", InputsForm.Mapping, new[] { "documentName", "instanceId" }),
            new ActionSpec("RunSysPrep", InputsForm.Mapping, InstanceId),
            new ActionSpec("SanitizeInstance", InputsForm.Mapping, InstanceId),
            new ActionSpec("TerminateInstance", InputsForm.Mapping, InstanceId),
            new ActionSpec("WaitForAction", InputsForm.Mapping, None, inputsOptional: true),
            new ActionSpec("WaitForSSMAgent", InputsForm.Mapping, InstanceId));

        private static Dictionary<string, ActionSpec> Index(params ActionSpec[] specs)
        {
            var index = new Dictionary<string, ActionSpec>(StringComparer.Ordinal);
            foreach (var spec in specs) index[spec.Name] = spec;
            return index;
        }

        /// <summary>
        /// The known name closest to a misspelt one (for "did you mean"), or null. Failing that, the longest known
        /// name the unknown one starts with and adds words to (CreateImageFromInstance for CreateImage): the added
        /// words are too many edits for the distance to count as a misspelling.
        /// </summary>
        public static string? Closest(string name, IEnumerable<string> known)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            string? stem = null;
            foreach (var candidate in known)
            {
                var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = candidate;
                }
                if (AddsWordsTo(name, candidate) && candidate.Length > (stem?.Length ?? 0)) stem = candidate;
            }
            return bestDistance <= Math.Max(2, name.Length / 3) ? best : stem;
        }

        /// <summary>Whether the name is the known one with more words after it, the next starting with a capital, '-' or '_'.</summary>
        private static bool AddsWordsTo(string name, string known) =>
            name.Length > known.Length && name.StartsWith(known, StringComparison.OrdinalIgnoreCase)
            && (char.IsUpper(name[known.Length]) || name[known.Length] is '-' or '_');

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                (previous, current) = (current, previous);
            }
            return previous[b.Length];
        }
    }
}
