using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Reflection;

namespace ImageBuilder.PS.Base
{
    public abstract partial class IbCmdlet
    {
        /// <summary>
        /// ShouldProcess that lets -Force skip the confirmation prompt of a high-impact cmdlet, while -WhatIf still
        /// only reports and -Confirm still asks.
        /// </summary>
        protected bool ShouldProcess(string target, string action, bool force)
        {
            if (force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !IsWhatIf())
            {
                return true;
            }
            return ShouldProcess(target, action);
        }

        /// <summary>
        /// PowerShell's ShouldProcess, except where nobody can answer its question (pwsh -NonInteractive, as SSM Run
        /// Command and scheduled tasks run scripts; input from a file or /dev/null; a host without prompts). There a
        /// prompt would fail with the host's own message, or read an empty line and crash; instead the cmdlet stops
        /// with an error that says how to go on, and changes nothing. Every cmdlet's ShouldProcess(target, action)
        /// binds to this one.
        /// </summary>
        protected new bool ShouldProcess(string target, string action)
        {
            if (WouldAsk() && !HostCanAsk())
            {
                ThrowConfirmationRequired(target, action, null);
            }
            try
            {
                return base.ShouldProcess(target, action);
            }
            catch (Exception e) when (e is HostException || e is PSInvalidOperationException || e is NotImplementedException)
            {
                // A host that cannot prompt says so by throwing from PromptForChoice.
                ThrowConfirmationRequired(target, action, e);
                throw; // not reached
            }
        }

        private void ThrowConfirmationRequired(string target, string action, Exception? inner)
        {
            var name = MyInvocation.MyCommand.Name;
            var force = MyInvocation.MyCommand.Parameters.ContainsKey("Force") ? "-Force or " : "";
            var message = $"{name} needs a confirmation to {char.ToLowerInvariant(action[0])}{action.Substring(1)} '{target}', "
                + "but this PowerShell host cannot ask for one (it runs non-interactively or reads its input from a file). "
                + $"Nothing was changed. Add {force}-Confirm:$false to go ahead without asking, or -WhatIf to see what would be done.";
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message, inner), "ConfirmationRequired", ErrorCategory.InvalidOperation, target));
        }

        /// <summary>Whether ShouldProcess is going to ask: -Confirm, or an impact at or above $ConfirmPreference, and no -WhatIf.</summary>
        private bool WouldAsk()
        {
            if (IsWhatIf())
            {
                return false;
            }
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
            {
                return confirm is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(confirm);
            }
            if (!LanguagePrimitives.TryConvertTo<ConfirmImpact>(GetVariableValue("ConfirmPreference"), out var preference))
            {
                preference = ConfirmImpact.High;
            }
            var impact = GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
            return preference != ConfirmImpact.None && impact >= preference;
        }

        /// <summary>
        /// Whether the host can put a question to someone. PowerShell's console host cannot under -NonInteractive, and
        /// reads answers from a redirected input, where there is nobody to type them.
        /// </summary>
        private bool HostCanAsk()
        {
            if (Host?.UI is null)
            {
                return false;
            }
            if (Host.Name != "ConsoleHost")
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

        private bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound))
            {
                return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
            }
            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }
    }
}
