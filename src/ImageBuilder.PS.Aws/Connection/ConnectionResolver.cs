using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// Settles credentials, region and endpoint in the order AWS Tools for PowerShell users expect:
    /// explicit parameters, then the session's stored values, then the environment, then profiles, then the machine.
    /// </summary>
    public static class ConnectionResolver
    {
        public static ResolvedConnection Resolve(ConnectionOptions options, ServiceBinding binding)
        {
            var env = options.Environment;
            var timeout = CallTimeout.From(options.TimeoutSeconds, env);
            var profiles = new CredentialProfileStoreChain(Blank(options.ProfileLocation));
            var (credentials, source, identity, profile) = ResolveCredentials(options, profiles, env);
            var (region, regionSource) = ResolveRegion(options, profile, profiles, env);
            CheckRegionName(region, regionSource);
            var connection = new ResolvedConnection(credentials, source, identity, region, regionSource)
            {
                UseFips = Flag(env("AWS_USE_FIPS_ENDPOINT")) ?? profile?.UseFIPSEndpoint ?? false,
                UseDualStack = Flag(env("AWS_USE_DUALSTACK_ENDPOINT")) ?? profile?.UseDualstackEndpoint ?? false,
                Timeout = timeout,
            };
            ResolveEndpoint(options, binding, profile, env, connection);
            connection.CredentialMechanism = MechanismOf(profile, source);
            return connection;
        }

        /// <summary>The profile names in the shared credentials and config files (or <paramref name="profileLocation"/>), for completion.</summary>
        public static IReadOnlyList<string> ProfileNames(string? profileLocation)
        {
            var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var profile in new CredentialProfileStoreChain(Blank(profileLocation)).ListProfiles())
            {
                names.Add(profile.Name);
            }
            return new List<string>(names);
        }

        private static (AWSCredentials, string, string, CredentialProfile?) ResolveCredentials(
            ConnectionOptions options, CredentialProfileStoreChain profiles, Func<string, string?> env)
        {
            var accessKey = Blank(options.AccessKey);
            var secretKey = Blank(options.SecretKey);
            if (accessKey is not null || secretKey is not null)
            {
                if (accessKey is null) throw new ConnectionException("-SecretKey was given without -AccessKey: pass both, or neither.", "AccessKey");
                if (secretKey is null) throw new ConnectionException("-AccessKey was given without -SecretKey: pass both, or neither.", "SecretKey");
                var token = Blank(options.SessionToken);
                AWSCredentials explicitKeys = token is null ? new BasicAWSCredentials(accessKey, secretKey) : new SessionAWSCredentials(accessKey, secretKey, token);
                return (explicitKeys, "the -AccessKey and -SecretKey parameters", "keys:" + accessKey + ":" + Fingerprint(secretKey + token), null);
            }

            if (options.ProfileName is not null && Blank(options.ProfileName) is null)
            {
                // A blank name is a mistake (an unset variable, a stray space), not a wish for whatever else is configured.
                throw new ConnectionException("-ProfileName is blank: give the name of a profile, or leave -ProfileName out.", "ProfileName");
            }
            var profileName = Blank(options.ProfileName);
            if (profileName is not null)
            {
                var named = FindProfile(profiles, profileName, options.ProfileLocation, "ProfileName");
                return (ProfileCredentials(named, profiles, "ProfileName"), $"profile '{profileName}'", "profile:" + profileName + "@" + options.ProfileLocation, named);
            }

            if (options.StoredCredentials is not null and not string && StoredCredentials.From(options.StoredCredentials) is { } stored)
            {
                var storedIdentity = "stored:" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(options.StoredCredentials);
                return (stored, "$StoredAWSCredentials", storedIdentity, DefaultProfile(profiles, env));
            }
            // Anything else stored there names a profile (AWS Tools keeps the name when Set-AWSCredential took one).
            switch (options.StoredCredentials?.ToString())
            {
                case string storedProfile when storedProfile.Length > 0:
                    var fromStore = FindProfile(profiles, storedProfile, options.ProfileLocation, null);
                    return (ProfileCredentials(fromStore, profiles, null), $"profile '{storedProfile}' (from $StoredAWSCredentials)", "profile:" + storedProfile, fromStore);
            }

            var envKey = Blank(env("AWS_ACCESS_KEY_ID"));
            var envSecret = Blank(env("AWS_SECRET_ACCESS_KEY")) ?? Blank(env("AWS_SECRET_KEY"));
            if (envKey is not null && envSecret is not null)
            {
                var token = Blank(env("AWS_SESSION_TOKEN"));
                AWSCredentials fromEnv = token is null ? new BasicAWSCredentials(envKey, envSecret) : new SessionAWSCredentials(envKey, envSecret, token);
                return (fromEnv, "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", "env:" + envKey + ":" + Fingerprint(envSecret + token), DefaultProfile(profiles, env));
            }

            var envProfile = Blank(env("AWS_PROFILE"));
            if (envProfile is not null)
            {
                var fromEnvProfile = FindProfile(profiles, envProfile, options.ProfileLocation, null);
                return (ProfileCredentials(fromEnvProfile, profiles, null), $"profile '{envProfile}' (from AWS_PROFILE)", "profile:" + envProfile, fromEnvProfile);
            }

            if (profiles.TryGetProfile(SharedCredentialsFile.DefaultProfileName, out var defaultProfile) && defaultProfile.CanCreateAWSCredentials)
            {
                return (ProfileCredentials(defaultProfile, profiles, null), "the 'default' profile", "profile:default@" + options.ProfileLocation, defaultProfile);
            }

            if (Blank(env("AWS_WEB_IDENTITY_TOKEN_FILE")) is not null && Blank(env("AWS_ROLE_ARN")) is not null)
            {
                return (AssumeRoleWithWebIdentityCredentials.FromEnvironmentVariables(), "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)", "webidentity:" + env("AWS_ROLE_ARN"), null);
            }

            if (Blank(env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) is not null || Blank(env("AWS_CONTAINER_CREDENTIALS_FULL_URI")) is not null)
            {
                return (new GenericContainerCredentials(), "container credentials", "container", null);
            }

            if (!MetadataDisabled(env))
            {
                return (new InstanceProfileAWSCredentials(), "EC2 instance metadata", "imds", null);
            }

            throw new ConnectionException(
                "No AWS credentials were found. Pass -AccessKey and -SecretKey or -ProfileName, run Set-AWSCredential, " +
                "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or add a 'default' profile to the shared credentials file.");
        }

        private const string RegionParameter = "the -Region parameter";

        /// <summary>
        /// A region becomes part of endpoint host names, so it can only hold letters, digits and hyphens; anything
        /// else is refused here, naming where it came from, before a client is made.
        /// </summary>
        private static void CheckRegionName(string region, string source)
        {
            foreach (var c in region)
            {
                if (!(c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z' || c is >= '0' and <= '9' || c == '-'))
                {
                    throw new ConnectionException(
                        $"'{region}' (from {source}) is not a region name: it may hold only letters, digits and hyphens, as in us-east-1.",
                        source == RegionParameter ? "Region" : null);
                }
            }
        }

        private static (string, string) ResolveRegion(ConnectionOptions options, CredentialProfile? profile, CredentialProfileStoreChain profiles, Func<string, string?> env)
        {
            if (Blank(options.Region) is { } explicitRegion) return (explicitRegion, RegionParameter);
            if (Blank(options.StoredRegion) is { } stored) return (stored, "$StoredAWSRegion");
            if (Blank(env("AWS_REGION")) is { } awsRegion) return (awsRegion, "AWS_REGION");
            if (Blank(env("AWS_DEFAULT_REGION")) is { } defaultRegion) return (defaultRegion, "AWS_DEFAULT_REGION");
            var regionProfile = profile ?? DefaultProfile(profiles, env);
            if (regionProfile?.Region is { } fromProfile) return (fromProfile.SystemName, $"profile '{regionProfile.Name}'");
            if (!MetadataDisabled(env))
            {
                try
                {
                    if (Amazon.Util.EC2InstanceMetadata.Region is { } imds) return (imds.SystemName, "EC2 instance metadata");
                }
                catch (Exception)
                {
                    // Not on EC2, or metadata unreachable: fall through to the error below.
                }
            }
            throw new ConnectionException(
                "No AWS region is set. Pass -Region (for example -Region us-east-1), run Set-DefaultAWSRegion, " +
                "set AWS_REGION, or add 'region' to your profile.", "Region");
        }

        private static void ResolveEndpoint(ConnectionOptions options, ServiceBinding binding, CredentialProfile? profile, Func<string, string?> env, ResolvedConnection connection)
        {
            if (Blank(options.EndpointUrl) is { } explicitUrl)
            {
                connection.EndpointUrl = CheckUrl(explicitUrl, "the -EndpointUrl parameter", "EndpointUrl");
                connection.EndpointSource = "the -EndpointUrl parameter";
                return;
            }
            if (Flag(env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) == true || profile?.IgnoreConfiguredEndpointUrls == true)
            {
                return;
            }
            var serviceVariable = "AWS_ENDPOINT_URL_" + binding.EnvironmentSuffix;
            if (Blank(env(serviceVariable)) is { } serviceUrl)
            {
                connection.EndpointUrl = CheckUrl(serviceUrl, serviceVariable, null);
                connection.EndpointSource = serviceVariable;
            }
            else if (Blank(env("AWS_ENDPOINT_URL")) is { } globalUrl)
            {
                connection.EndpointUrl = CheckUrl(globalUrl, "AWS_ENDPOINT_URL", null);
                connection.EndpointSource = "AWS_ENDPOINT_URL";
            }
            else if (Blank(profile?.EndpointUrl) is { } profileUrl)
            {
                connection.EndpointUrl = CheckUrl(profileUrl, $"endpoint_url of profile '{profile!.Name}'", null);
                connection.EndpointSource = $"endpoint_url of profile '{profile.Name}'";
            }
        }

        private static string CheckUrl(string url, string source, string? parameterName)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ConnectionException($"The endpoint '{url}' from {source} is not an absolute http or https URL.", parameterName);
            }
            return url.TrimEnd('/');
        }

        private static CredentialProfile FindProfile(CredentialProfileStoreChain profiles, string name, string? location, string? parameterName)
        {
            if (profiles.TryGetProfile(name, out var profile))
            {
                return profile;
            }
            var where = location is null ? "the shared credentials and config files" : $"'{location}'";
            throw new ConnectionException($"The profile '{name}' was not found in {where}.", parameterName);
        }

        private static AWSCredentials ProfileCredentials(CredentialProfile profile, CredentialProfileStoreChain profiles, string? parameterName)
        {
            try
            {
                return profile.GetAWSCredentials(profiles);
            }
            catch (Exception e) when (e is not ConnectionException)
            {
                throw new ConnectionException($"The profile '{profile.Name}' cannot give credentials: {e.Message}", parameterName, e);
            }
        }

        /// <summary>
        /// For a profile whose credentials come from elsewhere (a process, STS, SSO), what that is, so a failure or a
        /// silence while getting them can be put in words the user recognises from their config file.
        /// </summary>
        private static string? MechanismOf(CredentialProfile? profile, string source)
        {
            if (profile is null || !source.StartsWith("profile '" + profile.Name + "'", StringComparison.Ordinal))
            {
                return null;
            }
            var options = profile.Options;
            if (!string.IsNullOrEmpty(options.CredentialProcess)) return $"its credential_process '{options.CredentialProcess}'";
            if (!string.IsNullOrEmpty(options.RoleArn)) return $"assuming role {options.RoleArn} through STS";
            if (!string.IsNullOrEmpty(options.SsoStartUrl) || !string.IsNullOrEmpty(options.SsoSession)) return "AWS IAM Identity Center (SSO)";
            return null;
        }

        private static CredentialProfile? DefaultProfile(CredentialProfileStoreChain profiles, Func<string, string?> env)
        {
            var name = Blank(env("AWS_PROFILE")) ?? SharedCredentialsFile.DefaultProfileName;
            return profiles.TryGetProfile(name, out var profile) ? profile : null;
        }

        private static bool MetadataDisabled(Func<string, string?> env) => Flag(env("AWS_EC2_METADATA_DISABLED")) == true;

        private static bool? Flag(string? value) =>
            value is null ? null : value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1";

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        /// <summary>A short one-way digest, so that a cache key tells secrets apart without holding them.</summary>
        internal static string Fingerprint(string? secret)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(secret ?? ""));
            return BitConverter.ToString(hash, 0, 8).Replace("-", "");
        }
    }
}
