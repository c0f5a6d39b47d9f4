using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using ImageBuilder.PS.Aws;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Where and as whom one command calls AWS, settled the same way for a cmdlet that runs and for a completer that
    /// completes its arguments: the connection parameters (as bound, or as typed so far on the line), then the
    /// session's variables ($StoredAWSCredentials, $StoredAWSRegion, $IbTimeoutSeconds), then what
    /// <see cref="ConnectionResolver"/> looks up in the environment and profiles. Built twice, tab completion could
    /// list another account's resources than the command then acts on.
    /// </summary>
    /// <remarks>
    /// Each service's connection is resolved once per command and kept beside its client, so a cmdlet that needs the
    /// region it calls asks here rather than reading it back out of the client's configuration.
    /// </remarks>
    internal sealed class CommandConnection
    {
        private readonly ConnectionOptions _options;
        private readonly Dictionary<ServiceBinding, ResolvedConnection> _resolved = new();
        private readonly Dictionary<ServiceBinding, ServiceClient> _clients = new();

        /// <param name="given">The connection parameters the command was given; session values are added here.</param>
        /// <param name="sessionVariable">Reads a variable of the session the command runs in (null when unset).</param>
        public CommandConnection(ConnectionOptions given, Func<string, object?> sessionVariable)
        {
            _options = given;
            _options.StoredCredentials = Unwrap(sessionVariable("StoredAWSCredentials"));
            _options.StoredRegion = Unwrap(sessionVariable("StoredAWSRegion"))?.ToString();
            _options.TimeoutSeconds = Unwrap(sessionVariable(CallTimeout.SessionVariable)) is { } seconds
                ? Convert.ToString(seconds, CultureInfo.InvariantCulture)
                : null;
        }

        /// <summary>The service's credentials, region and endpoint. Throws <see cref="ConnectionException"/> for settings that cannot work.</summary>
        public ResolvedConnection Resolve(ServiceBinding binding)
        {
            if (!_resolved.TryGetValue(binding, out var connection))
            {
                connection = ResolvedConnections.Get(_options, binding);
                _resolved[binding] = connection;
            }
            return connection;
        }

        /// <summary>
        /// The service's client, shared with other commands of the session that resolve to the same settings.
        /// <paramref name="created"/> says whether this command asked for it for the first time (to say so once under -Verbose).
        /// </summary>
        public ServiceClient Client(ServiceBinding binding, out bool created)
        {
            created = false;
            if (_clients.TryGetValue(binding, out var client))
            {
                return client;
            }
            client = ModuleState.Current.Clients.Get(binding, Resolve(binding));
            _clients[binding] = client;
            created = true;
            return client;
        }

        /// <summary>
        /// The service's resolved connection (its region, endpoint and credential source); settings that cannot work
        /// end the command with an error that names the parameter or the setting.
        /// </summary>
        public ResolvedConnection ResolveOrStop(IbCmdlet cmdlet, ServiceBinding binding)
        {
            try
            {
                return Resolve(binding);
            }
            catch (ConnectionException e)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(e, e.ParameterName is null ? "ConnectionSettingsInvalid" : "ParameterInvalid",
                    ErrorCategory.InvalidArgument, e.ParameterName));
                throw; // not reached
            }
        }

        /// <summary>The client for a service (as <see cref="Client"/>), the command ended with an error for settings the SDK refuses; reused across calls and cmdlets of this session with the same settings.</summary>
        public ServiceClient ClientOrStop(IbCmdlet cmdlet, ServiceBinding binding)
        {
            var connection = ResolveOrStop(cmdlet, binding);
            ServiceClient client;
            bool created;
            try
            {
                client = Client(binding, out created);
            }
            catch (Exception e) when (SdkFailures.IsClientFailure(e))
            {
                // The SDK refuses some settings only when the client is made (a region it cannot use, say).
                cmdlet.ThrowTerminatingError(new ErrorRecord(e, "ConnectionSettingsInvalid", ErrorCategory.InvalidArgument, connection.Region));
                throw; // not reached
            }
            if (created)
            {
                var endpoint = connection.EndpointUrl is null ? $"its {connection.Region} endpoint" : $"{connection.EndpointUrl} (from {connection.EndpointSource})";
                cmdlet.Verbose($"{binding.Service.ServiceId} calls go to {endpoint}; region {connection.Region} from {connection.RegionSource}; credentials from {connection.CredentialSource}.");
            }
            return client;
        }

        /// <summary>
        /// $StoredAWSCredentials holds AWS Tools' wrapper, whose Credentials property is an SDK credentials object (of
        /// their AWSSDK.Core, which the connection layer reads by shape), or a profile name.
        /// </summary>
        private static object? Unwrap(object? value)
        {
            // Properties are read on the wrapper: a PSCustomObject's live there, not on the object inside.
            var wrapper = value is null ? null : PSObject.AsPSObject(value);
            var stored = wrapper?.BaseObject;
            if (stored is null || stored is string)
            {
                return stored;
            }
            var credentials = wrapper!.Properties["Credentials"]?.Value ?? stored;
            return credentials is PSObject inner ? inner.BaseObject : credentials;
        }
    }
}
