using System;

namespace ImageBuilder.PS.Aws
{
    /// <summary>What a caller said about where and as whom to call AWS; anything left null is looked up in order.</summary>
    public sealed class ConnectionOptions
    {
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string? SessionToken { get; set; }
        public string? ProfileName { get; set; }
        public string? ProfileLocation { get; set; }
        public string? Region { get; set; }
        public string? EndpointUrl { get; set; }

        /// <summary>The value of $StoredAWSCredentials (AWS Tools' Set-AWSCredential), if the session has one.</summary>
        public object? StoredCredentials { get; set; }
        /// <summary>The value of $StoredAWSRegion (AWS Tools' Set-DefaultAWSRegion), if the session has one.</summary>
        public string? StoredRegion { get; set; }

        /// <summary>The session's $IbTimeoutSeconds, if set (<see cref="CallTimeout"/>).</summary>
        public string? TimeoutSeconds { get; set; }

        /// <summary>Reads environment variables; tests swap it for a dictionary.</summary>
        public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

        /// <summary>The same options reading the environment through <paramref name="environment"/>.</summary>
        public ConnectionOptions WithEnvironment(Func<string, string?> environment)
        {
            var copy = (ConnectionOptions)MemberwiseClone();
            copy.Environment = environment;
            return copy;
        }
    }
}
