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
    /// Completes a parameter with live values (names, ARNs) from the pages of a List call, using the connection
    /// parameters already typed on the line or, failing that, set for the command in $PSDefaultParameterValues
    /// (PowerShell applies those when the command runs, not to the parameters a completer is shown), then the
    /// session's variables, exactly as the command will (<see cref="CommandConnection"/>). Completion must be quick
    /// and quiet: it reads pages for a few seconds at most, remembers what it read briefly (a later Tab reads on
    /// from where the last one stopped), and offers nothing rather than an error when a call fails.
    /// </summary>
    /// <remarks>
    /// Image Builder's name filters match whole names, so a typed prefix cannot be sent as one: the values are read
    /// page by page and matched here. With thousands of items, a name on page 80 is still offered (issue 11, item 8).
    /// </remarks>
    public abstract class LiveCompleter : IArgumentCompleter
    {
        /// <summary>How long one Tab may read pages; what is read by then is offered, and the next Tab reads on.</summary>
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
        private static readonly TimeSpan Memory = TimeSpan.FromSeconds(30);
        /// <summary>Values kept per listing at most, so a huge account cannot fill the session's memory.</summary>
        private const int MostValues = 20_000;
        private static readonly ConcurrentDictionary<string, Listing> Remembered = new();

        /// <summary>The service the operation belongs to.</summary>
        private ServiceBinding Binding => ServiceBinding.For(Operation);
        protected abstract OperationDef Operation { get; }

        /// <summary>The request for the first page (filters may use what is already on the line).</summary>
        protected abstract IAwsStructure Request(IDictionary fakeBoundParameters);

        /// <summary>The values one page offers, with a tooltip each.</summary>
        protected abstract IEnumerable<CompletionValue> Values(IAwsStructure page);

        /// <summary>The token of the page after this one; null when it is the last (or the listing does not page).</summary>
        protected virtual string? NextPage(IAwsStructure page) => null;

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
                var first = Request(bound);
                var key = GetType().FullName + "|" + connection.Resolve(Binding).CacheKey(Binding) + "|" + StructureText.Format(first);
                var listing = Remembered.TryGetValue(key, out var known) && DateTime.UtcNow - known.Started < Memory ? known : Remembered[key] = new Listing();
                lock (listing)
                {
                    if (!listing.Complete)
                    {
                        ReadOn(listing, connection.Client(Binding, out _), bound);
                    }
                    return listing.Values;
                }
            }
            catch (Exception)
            {
                // No connection settings, no network, a denied call: completion offers nothing and says nothing.
                return new List<CompletionValue>();
            }
        }

        /// <summary>
        /// Reads the listing's next pages until the last one, the patience of one Tab, or <see cref="MostValues"/>.
        /// A page that fails or times out ends this Tab's reading; what was read stays, and the next Tab tries again.
        /// </summary>
        private void ReadOn(Listing listing, ServiceClient client, IDictionary bound)
        {
            using var cancel = new CancellationTokenSource(Patience);
            while (!listing.Complete && !cancel.IsCancellationRequested)
            {
                var request = Request(bound);
                if (listing.Next is { } token)
                {
                    if (request is not IPagedRequest paged) break;
                    paged.PageToken = token;
                }
                IAwsStructure? page;
                try
                {
                    page = client.CallAsync(Operation, request, cancel.Token).GetAwaiter().GetResult();
                }
                catch (Exception) when (listing.Values.Count > 0 || listing.Next is not null)
                {
                    // Out of patience (or a failed page) after the first: offer what was read.
                    return;
                }
                if (page is null) return;
                foreach (var value in Values(page))
                {
                    if (listing.Seen.Add(value.Text)) listing.Values.Add(value);
                }
                listing.Next = NextPage(page);
                listing.Complete = string.IsNullOrEmpty(listing.Next) || listing.Values.Count >= MostValues;
            }
        }

        /// <summary>What one listing has given so far: its values (each once), and where it goes on.</summary>
        private sealed class Listing
        {
            public DateTime Started { get; } = DateTime.UtcNow;
            public List<CompletionValue> Values { get; } = new();
            public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
            public string? Next { get; set; }
            public bool Complete { get; set; }
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
