using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using ImageBuilder.PS.Endpoints;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// AWSSDK.Core's client configuration for one of the module's services: names, signing, and the endpoint the
    /// service's own rules give for the region, FIPS and dual-stack settings (or a custom URL).
    /// </summary>
    public sealed class ServiceClientConfig : ClientConfig
    {
        private static readonly string ModuleVersion = typeof(ServiceClientConfig).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        public ServiceClientConfig(ServiceBinding binding) : base(StandardDefaults.Instance)
        {
            Binding = binding;
            ServiceId = binding.Service.ServiceId;
            AuthenticationServiceName = binding.Service.SigningName;
            // Standard mode: adaptive stalls for many seconds on a first-request throttle.
            RetryMode = RequestRetryMode.Standard;
            // The SDK's RetryHandler re-sends at once, up to 10 times, uncounted and unseen by the retry policy, any
            // attempt whose answer broke off ("the response ended prematurely", a reset), taking it for a stale
            // pooled connection: a call then makes 13 attempts where AWS_MAX_ATTEMPTS allows 3. .NET already
            // re-sends on a fresh connection when a pooled one turns out closed before any answer; an answer that
            // starts and breaks off is a failure like another, counted, backed off and written to -Verbose.
            MaxStaleConnectionRetries = 0;
            // The module resolves AWS_ENDPOINT_URL_* and profile endpoint_url itself (see EndpointSettings), so
            // that it can say where a request went and why; the SDK must not apply them a second time.
            IgnoreConfiguredEndpointUrls = true;
        }

        public ServiceBinding Binding { get; }

        /// <summary>The region calls go to, however it was set (a region endpoint, or the signing region of a custom URL).</summary>
        public string RegionName => RegionEndpoint?.SystemName ?? AuthenticationRegion;

        public override string RegionEndpointServiceName => Binding.Service.EndpointPrefix;

        public override string ServiceVersion => Binding.Service.ApiVersion;

        public override string UserAgent => "ImageBuilder.PS/" + ModuleVersion;

        /// <summary>The stock endpoint handler asks this for every request.</summary>
        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
        {
            var region = (parameters.AlternateEndpoint ?? RegionEndpoint)?.SystemName ?? AuthenticationRegion;
            try
            {
                return new Endpoint(Binding.ResolveEndpoint(region, UseFIPSEndpoint, UseDualstackEndpoint, string.IsNullOrEmpty(ServiceURL) ? null : ServiceURL));
            }
            catch (EndpointResolutionException e)
            {
                throw new AmazonClientException(e.Message, e);
            }
        }

        /// <summary>One configuration for every mode: standard retries and the SDK's standard timeouts.</summary>
        private sealed class StandardDefaults : IDefaultConfigurationProvider
        {
            public static readonly StandardDefaults Instance = new();

            private static readonly DefaultConfiguration Standard = new()
            {
                Name = DefaultConfigurationMode.Standard,
                RetryMode = RequestRetryMode.Standard,
                S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
                ConnectTimeout = TimeSpan.FromMilliseconds(3100),
                TlsNegotiationTimeout = TimeSpan.FromMilliseconds(3100),
            };

            public IDefaultConfiguration GetDefaultConfiguration(Amazon.RegionEndpoint clientRegion, DefaultConfigurationMode? requestedConfigurationMode) => Standard;
        }
    }
}
