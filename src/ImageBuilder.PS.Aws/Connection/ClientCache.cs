using System;
using System.Collections.Concurrent;
using Amazon;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// One client per (service, credentials, region, endpoint): a second call with the same settings reuses the
    /// first one's client, connections and credential refresh state.
    /// </summary>
    public sealed class ClientCache : IDisposable
    {
        private readonly ConcurrentDictionary<string, Lazy<ServiceClient>> _clients = new(StringComparer.Ordinal);

        /// <summary>Applied to every new client's configuration (tests shorten retry delays, for instance).</summary>
        public Action<ServiceClientConfig>? Configure { get; set; }

        public int Count => _clients.Count;

        public ServiceClient Get(ServiceBinding binding, ResolvedConnection connection) =>
            _clients.GetOrAdd(connection.CacheKey(binding), _ => new Lazy<ServiceClient>(() => Create(binding, connection))).Value;

        private ServiceClient Create(ServiceBinding binding, ResolvedConnection connection)
        {
            var config = new ServiceClientConfig(binding)
            {
                UseFIPSEndpoint = connection.UseFips,
                UseDualstackEndpoint = connection.UseDualStack,
                // Each attempt gets the whole limit; the caller holds the call as a whole to it as well.
                Timeout = connection.Timeout,
            };
            if (connection.EndpointUrl is not null)
            {
                // Setting ServiceURL clears RegionEndpoint, so the signing region is set on its own.
                config.ServiceURL = connection.EndpointUrl;
                config.AuthenticationRegion = connection.Region;
            }
            else
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(connection.Region);
            }
            Configure?.Invoke(config);
            return new ServiceClient(connection.Credentials, config)
            {
                CredentialSource = connection.CredentialMechanism is null ? connection.CredentialSource : $"{connection.CredentialSource}, {connection.CredentialMechanism}",
            };
        }

        public void Dispose()
        {
            foreach (var client in _clients.Values)
            {
                if (client.IsValueCreated)
                {
                    client.Value.Dispose();
                }
            }
            _clients.Clear();
        }
    }
}
