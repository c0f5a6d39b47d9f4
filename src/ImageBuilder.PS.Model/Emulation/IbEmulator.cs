using System;
using System.Collections.Generic;

namespace ImageBuilder.PS.Model.Emulation
{
    /// <summary>
    /// A local emulator the module can talk to: where it listens, the account and region in its ARNs, its clock, and
    /// (from Get-IbEmulator) how many resources it holds. Start-IbEmulator writes one for the emulator it started.
    /// </summary>
    public sealed class IbEmulator
    {
        /// <summary>The base URL to point AWS clients at (-EndpointUrl, AWS_ENDPOINT_URL_*).</summary>
        public string Url { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string Region { get; set; } = "";
        /// <summary>Real (time passes) or Stepped (time stands still until Set-IbEmulatorClock moves it); Scaled for a sped-up clock.</summary>
        public string Clock { get; set; } = "";
        /// <summary>The emulator's current time, in the user's time zone.</summary>
        public DateTime Now { get; set; }
        /// <summary>How long each build or import status lasts on the emulator's clock.</summary>
        public TimeSpan StageDuration { get; set; }
        /// <summary>The file the emulator loads its resources from and saves them to, if any.</summary>
        public string? StateFile { get; set; }
        /// <summary>True when the emulator runs inside this PowerShell session (started by Start-IbEmulator).</summary>
        public bool InSession { get; set; }
        /// <summary>The environment variables Start-IbEmulator set for it (Stop-IbEmulator puts them back).</summary>
        public IReadOnlyList<string> EnvironmentVariables { get; set; } = Array.Empty<string>();
        /// <summary>How many of each kind of resource it holds (Get-IbEmulator), by the emulator's name for the kind.</summary>
        public IReadOnlyDictionary<string, int> Resources { get; set; } = new Dictionary<string, int>();
        /// <summary>How many fault rules are in force.</summary>
        public int Faults { get; set; }

        public override string ToString() => Url;
    }

    /// <summary>A fault rule in force: which calls it applies to, what happens to them, and how many it was added for.</summary>
    public sealed class IbEmulatorFault
    {
        /// <summary>The operation name (ListImages, CreateComponent, ...), or * for every call.</summary>
        public string Operation { get; set; } = "*";
        /// <summary>Throttle, ThrottleWithoutCode, ServerError, Slow, DropConnection or DropAfterApply.</summary>
        public string Kind { get; set; } = "";
        /// <summary>How many matching calls it was added for (a rule whose calls are used up is gone from the list); empty for as long as it stays.</summary>
        public int? Count { get; set; }
        /// <summary>The share of matching calls it applies to (0 to 1); empty for all of them.</summary>
        public double? Rate { get; set; }
        public int StatusCode { get; set; }
        public TimeSpan Delay { get; set; }
        public string Url { get; set; } = "";

        /// <summary>What the kind needs said, as the table shows it: the status of a server error, the delay of a slow answer.</summary>
        public string Detail => Kind switch
        {
            "ServerError" => "HTTP " + StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Slow" => Delay.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s",
            _ => "",
        };
    }
}
