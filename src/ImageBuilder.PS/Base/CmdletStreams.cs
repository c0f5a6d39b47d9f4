using System.Management.Automation;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Debug, verbose and warning messages written so that -Debug never turns them into questions: a compiled
    /// cmdlet under -Debug gets ActionPreference.Inquire for all three, which stops a runbook at the first message.
    /// </summary>
    internal static class CmdletStreams
    {
        public static bool IsDebugOn(PSCmdlet cmdlet) =>
            DebugSwitchGiven(cmdlet) || (cmdlet.GetVariableValue("DebugPreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue);

        /// <summary>
        /// A debug message. In PowerShell 7, -Debug on a compiled cmdlet shows debug messages without asking, so they
        /// go to the debug stream (and 5>$null or 5>&1 work). Windows PowerShell asks at each one (Inquire), which
        /// stops a runbook, so there a message under -Debug is shown the way a script's would be.
        /// </summary>
        public static void Debug(PSCmdlet cmdlet, string message)
        {
            if (DebugSwitchGiven(cmdlet) && DebugAsks && cmdlet.Host?.UI is { } ui) ui.WriteDebugLine(message);
            else cmdlet.WriteDebug(message);
        }

        /// <summary>
        /// A verbose message. -Debug on a compiled cmdlet also turns verbose messages on, with a question at each
        /// one (PowerShell's Inquire), unless -Verbose is given too. So under -Debug alone they are left out, or
        /// shown without asking when $VerbosePreference asks for them.
        /// </summary>
        public static void Verbose(PSCmdlet cmdlet, string message)
        {
            if (!DebugSwitchGiven(cmdlet) || VerboseSwitchGiven(cmdlet))
            {
                cmdlet.WriteVerbose(message);
            }
            else if (cmdlet.GetVariableValue("VerbosePreference") is ActionPreference.Continue && cmdlet.Host?.UI is { } ui)
            {
                ui.WriteVerboseLine(message);
            }
        }

        /// <summary>
        /// A warning. -Debug on a compiled cmdlet makes warnings ask too (Inquire), unless -WarningAction is given; so
        /// under -Debug alone a warning is shown the way $WarningPreference would show it, without a question.
        /// </summary>
        public static void Warn(PSCmdlet cmdlet, string message)
        {
            if (!DebugSwitchGiven(cmdlet) || cmdlet.MyInvocation.BoundParameters.ContainsKey("WarningAction"))
            {
                cmdlet.WriteWarning(message);
            }
            else if (cmdlet.GetVariableValue("WarningPreference") is not ActionPreference.SilentlyContinue and not ActionPreference.Ignore && cmdlet.Host?.UI is { } ui)
            {
                ui.WriteWarningLine(message);
            }
        }

        /// <summary>Windows PowerShell (System.Management.Automation 3.0) asks at each debug message under -Debug; PowerShell 7 does not.</summary>
        private static readonly bool DebugAsks = typeof(PSObject).Assembly.GetName().Version.Major < 6;

        private static bool VerboseSwitchGiven(PSCmdlet cmdlet) => SwitchGiven(cmdlet, "Verbose");

        private static bool DebugSwitchGiven(PSCmdlet cmdlet) => SwitchGiven(cmdlet, "Debug");

        /// <summary>Whether a switch was given and set (-Debug, -Debug:$true), as against absent or -Debug:$false.</summary>
        private static bool SwitchGiven(PSCmdlet cmdlet, string name) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue(name, out var bound) && (bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound));
    }
}
