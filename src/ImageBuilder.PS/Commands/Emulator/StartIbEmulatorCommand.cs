using System;
using System.IO;
using System.Management.Automation;
using System.Text.RegularExpressions;
using ImageBuilder.PS.Aws.Emulation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Emulation;
using ImageBuilder.PS.Model.Emulation;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>
    /// Starts the local emulator inside this PowerShell process and, unless told otherwise, points the session's AWS
    /// clients at it through the per-service endpoint variables.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "IbEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IbEmulator))]
    public sealed class StartIbEmulatorCommand : PSCmdlet
    {
        private static readonly Regex AccountPattern = new("^[0-9]{12}$", RegexOptions.CultureInvariant);

        /// <summary>The loopback port; without it (or with 0), a free one.</summary>
        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>A JSON file to load the emulator's resources from (when it exists) and to save them to.</summary>
        [Parameter]
        [Alias("StateFile")]
        [ValidateNotNullOrEmpty]
        public string? State { get; set; }

        [Parameter]
        [ValidateSet("Real", "Stepped", IgnoreCase = true)]
        public string Clock { get; set; } = "Real";

        /// <summary>How long each build or import status lasts on the emulator's clock.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan StageDuration { get; set; } = TimeSpan.FromSeconds(2);

        [Parameter]
        public string AccountId { get; set; } = "123456789012";

        /// <summary>The region in the emulator's ARNs; by default the session's (AWS_REGION, AWS_DEFAULT_REGION), else us-east-1.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        /// <summary>Point AWS_ENDPOINT_URL_* (and, when the session has none, a region and keys) at the emulator.</summary>
        [Parameter]
        public bool SetEnvironment { get; set; } = true;

        protected override void EndProcessing()
        {
            if (!SessionEmulator.Supported)
            {
                ThrowTerminatingError(new ErrorRecord(new PlatformNotSupportedException(
                        "Start-IbEmulator needs PowerShell 7.4 or later: the emulator runs on .NET 8, and Windows PowerShell 5.1 runs on .NET Framework. "
                        + "Start it in PowerShell 7 (pwsh -NoExit -Command 'Start-IbEmulator -Port 5000'), or run the standalone emulator, and point this session at it: "
                        + "$env:AWS_ENDPOINT_URL_IMAGEBUILDER = 'http://localhost:5000' (on Windows the emulator listens as localhost; the control cmdlets, such as Set-IbEmulatorClock, take -Url)."),
                    "EmulatorNeedsPowerShell7", ErrorCategory.NotImplemented, null));
            }
            if (!AccountPattern.IsMatch(AccountId))
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"-AccountId must be 12 digits, such as 123456789012 (it is '{AccountId}').", AccountId));
            }
            if (StageDuration <= TimeSpan.Zero || StageDuration > TimeSpan.FromHours(1))
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"-StageDuration must be longer than zero and at most an hour (it is {StageDuration}).", StageDuration));
            }
            var region = Region ?? SessionEmulators.Variable("AWS_REGION") ?? SessionEmulators.Variable("AWS_DEFAULT_REGION") ?? "us-east-1";
            string? stateFile = null;
            if (State is not null)
            {
                stateFile = SessionState.Path.GetUnresolvedProviderPathFromPSPath(State);
                var folder = Path.GetDirectoryName(stateFile);
                if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
                {
                    ThrowTerminatingError(ErrorRecords.InvalidInput("StateFolderNotFound", $"-State names a file in a folder that does not exist: {folder}. Create the folder, or give another path.", State));
                }
            }
            if (SessionEmulators.Current is { } running)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(SessionEmulators.AlreadyRunning(running.Emulator.Url)),
                    "EmulatorAlreadyRunning", ErrorCategory.ResourceExists, running.Emulator.Url));
            }
            var where = Port == 0 ? "a free loopback port" : $"127.0.0.1:{Port}";
            var action = SetEnvironment ? "Start an emulator and point AWS_ENDPOINT_URL_* at it" : "Start an emulator";
            if (!ShouldProcess(where, action))
            {
                return;
            }

            SessionEmulators.Started started;
            try
            {
                started = SessionEmulators.Start(new EmulatorLaunchOptions
                {
                    Port = Port,
                    StateFile = stateFile,
                    SteppedClock = string.Equals(Clock, "Stepped", StringComparison.OrdinalIgnoreCase),
                    AccountId = AccountId,
                    Region = region,
                    StageDuration = StageDuration,
                }, SetEnvironment);
            }
            catch (IOException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "EmulatorCannotListen", ErrorCategory.ResourceUnavailable, where)
                {
                    ErrorDetails = new ErrorDetails($"{e.Message} Another program may use the port: leave -Port out to take a free one."),
                });
                return;
            }
            catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
            {
                ThrowTerminatingError(new ErrorRecord(e, "StateFileUnreadable", ErrorCategory.InvalidData, stateFile)
                {
                    ErrorDetails = new ErrorDetails($"The state file {stateFile} cannot be read: {e.Message}"),
                });
                return;
            }
            foreach (var change in started.Changes)
            {
                WriteVerbose(change.Before is null ? $"Set {change.Name}." : $"Set {change.Name} (it was set before; Stop-IbEmulator puts the old value back).");
            }
            WriteObject(SessionEmulators.Describe(new EmulatorControlClient(started.Emulator.Url).GetState(default)));
        }
    }
}
