using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Threading;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Completion
{
    /// <summary>
    /// Completes a parameter with live values (names, ARNs) from one page of a List call, using the connection
    /// parameters already typed on the line or, failing that, set for the command in $PSDefaultParameterValues
    /// (PowerShell applies those when the command runs, not to the parameters a completer is shown), then the
    /// session's variables, exactly as the command will (<see cref="CommandConnection"/>). Completion must be quick
    /// and quiet: it waits a few seconds at most, remembers answers briefly, and offers nothing rather than an error
    /// when the call fails.
    /// </summary>
    public abstract class LiveCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
        private static readonly TimeSpan Memory = TimeSpan.FromSeconds(30);
        private static readonly ConcurrentDictionary<string, (DateTime At, List<CompletionValue> Values)> Remembered = new();

        /// <summary>The service the operation belongs to.</summary>
        private ServiceBinding Binding => ServiceBinding.For(Operation);
        protected abstract OperationDef Operation { get; }

        /// <summary>The request for the first page (filters may use what is already on the line).</summary>
        protected abstract IAwsStructure Request(IDictionary fakeBoundParameters);

        /// <summary>The values one page offers, with a tooltip each.</summary>
        protected abstract IEnumerable<CompletionValue> Values(IAwsStructure page);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = KnownValuesCompleter.Unquote(wordToComplete);
            var results = new List<CompletionResult>();
            foreach (var value in Fetch(commandName, fakeBoundParameters))
            {
                if (value.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    var text = value.Text.IndexOfAny(new[] { ' ', '$', '\'', '"', '`', '(', ')' }) >= 0 ? "'" + value.Text.Replace("'", "''") + "'" : value.Text;
                    results.Add(new CompletionResult(text, value.Text, CompletionResultType.ParameterValue, value.Tooltip));
                }
            }
            return results;
        }

        private List<CompletionValue> Fetch(string commandName, IDictionary bound)
        {
            try
            {
                var defaults = SessionVariable("PSDefaultParameterValues")?.BaseObject as IDictionary;
                string? Text(string name) => TextOf(bound, name) ?? DefaultText(defaults, commandName, name);
                var connection = new CommandConnection(new ConnectionOptions
                {
                    Region = Text("Region"),
                    ProfileName = Text("ProfileName"),
                    ProfileLocation = Text("ProfileLocation"),
                    AccessKey = Text("AccessKey"),
                    SecretKey = Text("SecretKey"),
                    SessionToken = Text("SessionToken"),
                    EndpointUrl = Text("EndpointUrl"),
                }, SessionVariable);
                var request = Request(bound);
                var key = GetType().FullName + "|" + connection.Resolve(Binding).CacheKey(Binding) + "|" + StructureText.Format(request);
                if (Remembered.TryGetValue(key, out var known) && DateTime.UtcNow - known.At < Memory)
                {
                    return known.Values;
                }
                var client = connection.Client(Binding, out _);
                using var cancel = new CancellationTokenSource(Patience);
                var page = client.CallAsync(Operation, request, cancel.Token).GetAwaiter().GetResult();
                var values = page is null ? new List<CompletionValue>() : new List<CompletionValue>(Values(page));
                Remembered[key] = (DateTime.UtcNow, values);
                return values;
            }
            catch (Exception)
            {
                // No connection settings, no network, a denied call: completion offers nothing and says nothing.
                return new List<CompletionValue>();
            }
        }

        private static string? TextOf(IDictionary bound, string name) =>
            bound.Contains(name) ? LanguagePrimitives.ConvertTo<string>(bound[name]) : null;

        /// <summary>
        /// A plain value $PSDefaultParameterValues sets for <paramref name="parameter"/> of this command (keys are
        /// "CommandPattern:Parameter", the pattern with wildcards). A script block value is left alone: running
        /// user code to complete a word is not completion's business.
        /// </summary>
        private static string? DefaultText(IDictionary? defaults, string commandName, string parameter)
        {
            // $PSDefaultParameterValues['Disabled'] = $true turns them all off, for completion as for running.
            if (defaults is null || (defaults.Contains("Disabled") && LanguagePrimitives.IsTrue(defaults["Disabled"])))
            {
                return null;
            }
            foreach (DictionaryEntry entry in defaults)
            {
                if (entry.Key is string key && key.IndexOf(':') is var colon && colon > 0 &&
                    string.Equals(key.Substring(colon + 1).Trim(), parameter, StringComparison.OrdinalIgnoreCase) &&
                    WildcardPattern.Get(key.Substring(0, colon).Trim(), WildcardOptions.IgnoreCase).IsMatch(commandName) &&
                    entry.Value is not ScriptBlock && entry.Value is not null)
                {
                    return LanguagePrimitives.ConvertTo<string>(entry.Value);
                }
            }
            return null;
        }

        /// <summary>
        /// A variable of the session the completion runs in. The runspace is busy running the completion, so its
        /// SessionStateProxy refuses; a nested command in the current runspace may read it.
        /// </summary>
        private static PSObject? SessionVariable(string name)
        {
            try
            {
                using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
                var values = shell.AddCommand("Get-Variable").AddParameter("Name", name).AddParameter("ValueOnly").AddParameter("ErrorAction", "Ignore").Invoke();
                // The PSObject itself: AWS Tools' stored credentials are read through its properties.
                return values.Count == 1 ? values[0] : null;
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is InvalidRunspaceStateException)
            {
                return null;
            }
        }
    }

    /// <summary>A value a completer offers, and what the tooltip says about it.</summary>
    public readonly struct CompletionValue
    {
        public CompletionValue(string text, string tooltip)
        {
            Text = text;
            Tooltip = tooltip;
        }

        public string Text { get; }
        public string Tooltip { get; }
    }
}
