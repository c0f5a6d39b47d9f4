using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImageBuilder.PS.Endpoints;

namespace ImageBuilder.PS.Completion
{
    /// <summary>Completes -Region with the regions the partition table names.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = KnownValuesCompleter.Unquote(wordToComplete);
            foreach (var partition in Partitions.All)
            {
                foreach (var region in partition.Regions)
                {
                    if (region.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase) && !region.EndsWith("-global", System.StringComparison.Ordinal))
                    {
                        yield return new CompletionResult(region, region, CompletionResultType.ParameterValue, $"{region} ({partition.Name})");
                    }
                }
            }
        }
    }
}
