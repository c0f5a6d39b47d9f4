using System;
using System.Management.Automation;

namespace ImageBuilder.PS.Base
{
    /// <summary>What an error about an ARN parameter adds after the rule, to get the user to the right value.</summary>
    internal static class ArnHints
    {
        /// <summary>
        /// For an ARN parameter given something else: a name gets the command that finds the resource by name
        /// (Get-IbPipeline -Name x | Remove-IbPipeline); the ARN of another kind of resource gets what it is, and for
        /// a pipeline's ARN where an image's is wanted, the cmdlet that lists a pipeline's images.
        /// </summary>
        public static string For(Validation.Violation violation, string command, CommandInvocationIntrinsics commands)
        {
            if (violation.Value is not string text || !Validation.ArnRules.IsArnRule(violation.Rule))
            {
                return "";
            }
            var noun = command.Substring(command.IndexOf('-') + 1);
            if (!text.StartsWith("arn:", StringComparison.OrdinalIgnoreCase))
            {
                var get = "Get-" + noun;
                if (commands.GetCmdlet(get) is { } getter && getter.Parameters.ContainsKey("Name") && text.Length > 0)
                {
                    var quoted = text.IndexOfAny(new[] { ' ', '\'', '$', '"', '`' }) >= 0 ? "'" + text.Replace("'", "''") + "'" : text;
                    return string.Equals(get, command, StringComparison.OrdinalIgnoreCase)
                        ? $" It looks like a name: Get-{noun} -Name {quoted} finds it by name."
                        : $" It looks like a name: Get-{noun} -Name {quoted} | {command} finds it by name and passes its ARN.";
                }
                return "";
            }
            var kind = Validation.ArnRules.KindOf(text);
            if (kind is null)
            {
                return "";
            }
            var hint = $" The value is {kind}.";
            if (kind == "an image pipeline ARN" && noun == "IbImage")
            {
                var name = text.Substring(text.LastIndexOf('/') + 1);
                hint += $" The images a pipeline built are listed by Get-IbPipelineImage: Get-IbPipeline -Name {name} | Get-IbPipelineImage.";
            }
            return hint;
        }
    }
}
