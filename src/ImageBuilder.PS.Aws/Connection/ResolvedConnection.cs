using System;
using Amazon.Runtime;

namespace ImageBuilder.PS.Aws
{
    /// <summary>Credentials, region and endpoint settled for one call, with where each came from (for -Verbose).</summary>
    public sealed class ResolvedConnection
    {
        public ResolvedConnection(AWSCredentials credentials, string credentialSource, string credentialIdentity, string region, string regionSource)
        {
            Credentials = credentials;
            CredentialSource = credentialSource;
            CredentialIdentity = credentialIdentity;
            Region = region;
            RegionSource = regionSource;
        }

        public AWSCredentials Credentials { get; }
        /// <summary>Where the credentials came from, in words ("profile 'dev'", "environment variables").</summary>
        public string CredentialSource { get; }
        /// <summary>A key that tells credential sets apart without holding a secret.</summary>
        public string CredentialIdentity { get; }
        public string Region { get; }
        public string RegionSource { get; }
        public string? EndpointUrl { get; set; }
        public string? EndpointSource { get; set; }
        public bool UseFips { get; set; }
        public bool UseDualStack { get; set; }
        /// <summary>How a profile's credentials are got when it is not from keys ("its credential_process 'x'"), else null.</summary>
        public string? CredentialMechanism { get; set; }
        /// <summary>How long a call may wait for an answer (<see cref="CallTimeout"/>).</summary>
        public TimeSpan Timeout { get; set; } = CallTimeout.Default;

        public string CacheKey(ServiceBinding binding) =>
            string.Join("|", binding.Service.ServiceId, CredentialIdentity, Region, EndpointUrl ?? "", UseFips ? "fips" : "", UseDualStack ? "dualstack" : "",
                Timeout.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
