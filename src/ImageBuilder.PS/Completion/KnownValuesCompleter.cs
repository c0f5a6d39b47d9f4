using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Completion
{
    /// <summary>
    /// Offers the values the model lists for a parameter. Completion only: the parameter still takes any value,
    /// because services add values before the module knows them.
    /// </summary>
    public abstract class KnownValuesCompleter : IArgumentCompleter
    {
        private readonly IReadOnlyList<string> _values;

        protected KnownValuesCompleter(IReadOnlyList<string> values) => _values = values;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = Unquote(wordToComplete);
            foreach (var value in _values)
            {
                if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(value, value, CompletionResultType.ParameterValue, value);
                }
            }
        }

        internal static string Unquote(string word) => (word ?? "").Trim('\'', '"');
    }

    public sealed class PlatformCompleter : KnownValuesCompleter
    {
        public PlatformCompleter() : base(IbValues.Platform.All) { }
    }

    public sealed class OwnershipCompleter : KnownValuesCompleter
    {
        public OwnershipCompleter() : base(IbValues.Ownership.All) { }
    }

    public sealed class ImageTypeCompleter : KnownValuesCompleter
    {
        public ImageTypeCompleter() : base(IbValues.ImageType.All) { }
    }

    public sealed class ComponentTypeCompleter : KnownValuesCompleter
    {
        public ComponentTypeCompleter() : base(IbValues.ComponentType.All) { }
    }
}
