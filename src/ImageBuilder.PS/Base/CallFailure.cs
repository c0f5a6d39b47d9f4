using System.Management.Automation;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// What a call that brought back no answer leaves behind: the error to write, a short reason for warnings,
    /// and whether trying again later may work (throttling, a 5xx, a lost connection, a timeout).
    /// </summary>
    internal sealed class CallFailure
    {
        public CallFailure(ErrorRecord record, string reason, bool mayPass)
        {
            Record = record;
            Reason = reason;
            MayPass = mayPass;
        }

        public ErrorRecord Record { get; }
        public string Reason { get; }
        public bool MayPass { get; }
    }
}
