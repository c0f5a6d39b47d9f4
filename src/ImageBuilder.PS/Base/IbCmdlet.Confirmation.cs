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
            if (force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !ConfirmationGate.IsWhatIf(this))
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
        protected internal new bool ShouldProcess(string target, string action)
        {
            if (ConfirmationGate.WouldAsk(this) && !ConfirmationGate.HostCanAsk(this))
            {
                ConfirmationGate.ThrowConfirmationRequired(this, target, action, null);
            }
            try
            {
                return base.ShouldProcess(target, action);
            }
            catch (Exception e) when (e is HostException || e is PSInvalidOperationException || e is NotImplementedException)
            {
                // A host that cannot prompt says so by throwing from PromptForChoice.
                ConfirmationGate.ThrowConfirmationRequired(this, target, action, e);
                throw; // not reached
            }
        }
    }
}
