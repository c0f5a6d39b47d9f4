using System;
using System.Management.Automation;
using System.Threading;
using ImageBuilder.PS.Aws.Emulation;
using ImageBuilder.PS.Emulation;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// The base of the cmdlets that drive an emulator through its control API: which emulator (-Url, else the one
    /// Start-IbEmulator runs, else the one AWS_ENDPOINT_URL_IMAGEBUILDER or AWS_ENDPOINT_URL points at), the client,
    /// and one way to turn a refusal into an error record. They talk to the emulator, never to AWS.
    /// </summary>
    public abstract class EmulatorCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new();

        /// <summary>The emulator's URL. -EndpointUrl is an alias so that a session's default for the module's cmdlets applies here too.</summary>
        [Parameter]
        [Alias("EndpointUrl")]
        [ValidateNotNullOrEmpty]
        public string? Url { get; set; }

        private protected CancellationToken Cancel => _stopping.Token;

        /// <summary>The client for the emulator meant; a terminating error when none is meant.</summary>
        private protected EmulatorControlClient Emulator()
        {
            var url = Url ?? SessionEmulators.Current?.Emulator.Url ?? SessionEmulators.Variable(SessionEmulators.EndpointVariables[0]) ?? SessionEmulators.Variable("AWS_ENDPOINT_URL");
            if (url is null)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                        "No emulator to talk to: start one with Start-IbEmulator, or give the URL of a running one with -Url (for example -Url http://127.0.0.1:5000)."),
                    "NoEmulator", ErrorCategory.ObjectNotFound, null));
            }
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"-Url must be the emulator's http URL, such as http://127.0.0.1:5000 (it is '{url}').", url));
            }
            return new EmulatorControlClient(url!);
        }

        /// <summary>Runs a control call; a refusal or a silent emulator becomes one error record naming the emulator.</summary>
        private protected bool TryControl(Action call, object? target)
        {
            try
            {
                call();
                return true;
            }
            catch (EmulatorControlException e)
            {
                WriteError(ControlError(e, target));
                return false;
            }
        }

        private protected static ErrorRecord ControlError(EmulatorControlException e, object? target)
        {
            var category = e.Status switch
            {
                0 => ErrorCategory.ConnectionError,
                404 => ErrorCategory.ObjectNotFound,
                >= 400 and < 500 => ErrorCategory.InvalidArgument,
                _ => ErrorCategory.ResourceUnavailable,
            };
            return new ErrorRecord(e, e.Status == 0 ? "EmulatorUnreachable" : "EmulatorRefused", category, target);
        }

        // Ctrl+C ends a control call at once (the token source holds no timer, so it needs no disposing).
        protected override void StopProcessing() => _stopping.Cancel();
    }
}
