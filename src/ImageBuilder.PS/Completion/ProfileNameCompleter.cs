using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImageBuilder.PS.Aws;

namespace ImageBuilder.PS.Completion
{
    /// <summary>Completes -ProfileName with the profiles of the shared files (or of -ProfileLocation on the line).</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = KnownValuesCompleter.Unquote(wordToComplete);
            IReadOnlyList<string> names;
            try
            {
                names = ConnectionResolver.ProfileNames(fakeBoundParameters?["ProfileLocation"] as string);
            }
            catch (Exception)
            {
                // A file that cannot be read gives no completions; completing never prints an error.
                yield break;
            }
            foreach (var name in names)
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    var text = name.IndexOf(' ') >= 0 ? $"'{name}'" : name;
                    yield return new CompletionResult(text, name, CompletionResultType.ParameterValue, $"profile {name}");
                }
            }
        }
    }
}
