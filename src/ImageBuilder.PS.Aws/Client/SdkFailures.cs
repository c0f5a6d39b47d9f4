using System;
using Amazon.Runtime;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// Questions about exceptions from the AWS SDK, answered here so that the cmdlets never name an AWSSDK type: the
    /// cmdlet assembly lives in the session's default load context, where another module's AWSSDK.Core may be loaded.
    /// </summary>
    public static class SdkFailures
    {
        /// <summary>
        /// True for the SDK's own client-side failures: settings it refused when a client was made, credentials it
        /// could not get, a request it gave up on without an answer from the service.
        /// </summary>
        public static bool IsClientFailure(Exception error) => error is AmazonClientException;
    }
}
