using System;
using System.Net;
using Amazon.Runtime;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// An error a service sent back: its code, message, HTTP status and request id, and its modelled members.
    /// Each service has a subclass per error code (generated), so callers can catch the ones they expect.
    /// </summary>
    public class AwsServiceException : AmazonServiceException
    {
        private static readonly string[] ThrottlingCodes =
        {
            "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
            "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
            "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
            "EC2ThrottledException", "CallRateLimitExceededException",
        };

        public AwsServiceException(ServiceErrorData error, Exception? innerException)
            : base(error.Message ?? DefaultMessage(error), innerException, ErrorTypeOf(error), error.Code, error.RequestId, (HttpStatusCode)error.StatusCode)
        {
            Error = error;
        }

        /// <summary>The decoded error, including the members the model lists for it.</summary>
        public ServiceErrorData Error { get; }

        /// <summary>True for throttling: a bare 429 or one of the codes services use for it (retried with backoff).</summary>
        public bool IsThrottling => Error.StatusCode == 429 || Array.IndexOf(ThrottlingCodes, Error.Code) >= 0;

        public override RetryableDetails? Retryable => IsThrottling ? new RetryableDetails(throttling: true) : base.Retryable;

        private static ErrorType ErrorTypeOf(ServiceErrorData error) =>
            error.StatusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender;

        private static string DefaultMessage(ServiceErrorData error) =>
            $"The service answered HTTP {error.StatusCode} ({error.Code}) without a message.";
    }
}
