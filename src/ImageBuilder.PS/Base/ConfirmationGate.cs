using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Reflection;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// What IbCmdlet's ShouldProcess needs to know before PowerShell asks: whether it is going to ask, whether
    /// anybody can answer here, and the error that stops the command when nobody can.
    /// </summary>
    internal static class ConfirmationGate
    {
        public static void ThrowConfirmationRequired(PSCmdlet cmdlet, string target, string action, Exception? inner)
        {
            var name = cmdlet.MyInvocation.MyCommand.Name;
            var force = cmdlet.MyInvocation.MyCommand.Parameters.ContainsKey("Force") ? "-Force or " : "";
            var message = $"{name} needs a confirmation to {char.ToLowerInvariant(action[0])}{action.Substring(1)} '{target}', "
                + "but this PowerShell host cannot ask for one (it runs non-interactively or reads its input from a file). "
                + $"Nothing was changed. Add {force}-Confirm:$false to go ahead without asking, or -WhatIf to see what would be done.";
            cmdlet.ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message, inner), "ConfirmationRequired", ErrorCategory.InvalidOperation, target));
        }

        /// <summary>Whether ShouldProcess is going to ask: -Confirm, or an impact at or above $ConfirmPreference, and no -WhatIf.</summary>
        public static bool WouldAsk(PSCmdlet cmdlet)
        {
            if (IsWhatIf(cmdlet))
            {
                return false;
            }
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
            {
                return confirm is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(confirm);
            }
            if (!LanguagePrimitives.TryConvertTo<ConfirmImpact>(cmdlet.GetVariableValue("ConfirmPreference"), out var preference))
            {
                preference = ConfirmImpact.High;
            }
            var impact = cmdlet.GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
            return preference != ConfirmImpact.None && impact >= preference;
        }

        /// <summary>
        /// Whether the host can put a question to someone. PowerShell's console host cannot under -NonInteractive, and
        /// reads answers from a redirected input, where there is nobody to type them.
        /// </summary>
        public static bool HostCanAsk(PSCmdlet cmdlet)
        {
            if (cmdlet.Host?.UI is null)
            {
                return false;
            }
            if (cmdlet.Host.Name != "ConsoleHost")
            {
                return true;
            }
            return !StartedNonInteractive.Value && !Console.IsInputRedirected;
        }

        /// <summary>
        /// Whether the process was started with -NonInteractive (or an abbreviation PowerShell accepts, down to
        /// -noni). Only PowerShell's own arguments count: those after -File or -Command belong to the script.
        /// </summary>
        private static readonly Lazy<bool> StartedNonInteractive = new(() =>
        {
            var args = Environment.GetCommandLineArgs();
            for (var i = 1; i < args.Length; i++)
            {
                var key = args[i].TrimStart('-', '/').ToLowerInvariant();
                if (key.Length == 0 || args[i].Length == key.Length)
                {
                    continue; // a value (-ExecutionPolicy Bypass), not a switch
                }
                if (key.Length >= 4 && "noninteractive".StartsWith(key, StringComparison.Ordinal))
                {
                    return true;
                }
                if (IsAbbreviation(key, "file", 1) || IsAbbreviation(key, "command", 1) || IsAbbreviation(key, "encodedcommand", 1))
                {
                    return false;
                }
            }
            return false;
        });

        private static bool IsAbbreviation(string key, string name, int shortest) =>
            key.Length >= shortest && name.StartsWith(key, StringComparison.Ordinal);

        public static bool IsWhatIf(PSCmdlet cmdlet)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound))
            {
                return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
            }
            return LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));
        }
    }
}
