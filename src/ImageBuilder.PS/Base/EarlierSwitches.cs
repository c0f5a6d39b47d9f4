using System.Management.Automation;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// A build setting is given one way across the module, -Setting &lt;bool&gt; (-ImageTests $false). Earlier releases
    /// also had switches that meant one value of it (-SkipTest, -EnableImageScanning). An alias cannot turn a switch
    /// into a bool or invert it, so those switches stay as hidden parameters of their own, and this reads the two
    /// into one value, refusing a call that gives both with different meanings.
    /// </summary>
    internal static class EarlierSwitches
    {
        /// <param name="value">The value of -<paramref name="parameter"/>, null when not given.</param>
        /// <param name="meaning">What the earlier switch -<paramref name="earlier"/> says of the setting, null when it says nothing.</param>
        public static bool? Setting(PSCmdlet cmdlet, string parameter, bool? value, string earlier, bool? meaning)
        {
            if (value is { } given && meaning is { } old && given != old)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterConflict",
                    $"-{parameter} ${given.ToString().ToLowerInvariant()} and -{earlier} say opposite things. Give -{parameter} alone; -{earlier} is its earlier spelling.",
                    earlier));
            }
            return value ?? meaning;
        }
    }
}
