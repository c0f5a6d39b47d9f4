using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;

namespace ImageBuilder.PS.Aws
{
    /// <summary>What became of a call that did not bring back an answer.</summary>
    public enum CallFailureKind
    {
        /// <summary>Nothing the module knows how to report: let it surface as it is.</summary>
        Unknown,
        /// <summary>The service answered with an error (<see cref="AwsServiceException"/>).</summary>
        Service,
        /// <summary>The connection failed or was dropped: the request may or may not have reached the service.</summary>
        Transport,
        /// <summary>No answer came in time, and the user did not cancel: the request may or may not have been applied.</summary>
        TimedOut,
        /// <summary>The SDK refused or failed before sending (settings, credentials).</summary>
        Client,
    }

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

        /// <summary>
        /// One classification for every way a call can fail, so a single call, a wait's poll and a listing's page
        /// treat a dropped connection alike. The SDK hands transport failures on raw after its retries, or wraps
        /// them in its own exceptions, so the whole chain of causes is looked at.
        /// </summary>
        /// <param name="cancelledByUser">Whether the caller's own cancellation (Ctrl+C) was requested.</param>
        public static CallFailureKind Classify(Exception error, bool cancelledByUser)
        {
            if (error is AwsServiceException)
            {
                return CallFailureKind.Service;
            }
            for (var cause = error; cause is not null; cause = cause.InnerException)
            {
                switch (cause)
                {
                    case OperationCanceledException when !cancelledByUser:
                        // HttpClient's own timeout arrives as a cancellation nobody asked for.
                        return CallFailureKind.TimedOut;
                    case IOException or HttpRequestException or SocketException or WebException:
                        return CallFailureKind.Transport;
                }
            }
            return error is AmazonClientException ? CallFailureKind.Client : CallFailureKind.Unknown;
        }

        /// <summary>
        /// The transport failure under the SDK's wrapping, whose message says what happened ("the response ended
        /// prematurely") where the SDK's own says something beside the point ("error unmarshalling response").
        /// </summary>
        public static Exception TransportCause(Exception error) => FindTransportCause(error) ?? error;

        /// <summary>The transport failure in the chain of causes, or null when the call failed otherwise.</summary>
        public static Exception? FindTransportCause(Exception error)
        {
            for (var cause = error; cause is not null; cause = cause.InnerException)
            {
                if (cause is IOException or HttpRequestException or SocketException or WebException)
                {
                    return cause;
                }
            }
            return null;
        }

        /// <summary>
        /// Whether a transport failure happened before the request could leave: the name did not resolve, nothing
        /// listened on the port, or no route led there. Such a request was certainly not applied, and running the
        /// command again changes nothing until the endpoint is put right.
        /// </summary>
        public static bool NeverSent(Exception error)
        {
            for (var cause = error; cause is not null; cause = cause.InnerException)
            {
                if (cause is SocketException socket)
                {
                    return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData
                        or SocketError.TryAgain or SocketError.HostUnreachable or SocketError.NetworkUnreachable;
                }
            }
            return false;
        }
    }
}
