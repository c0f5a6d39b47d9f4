using System;
using System.Management.Automation;
using ImageBuilder.PS.Aws;

namespace ImageBuilder.PS.Base
{
    /// <summary>Builds the error records the module writes: a stable ErrorId, a fitting category, the failing item as target.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord FromService(AwsServiceException error, object? target)
        {
            var record = new ErrorRecord(error, error.Error.Code, CategoryFor(error.Error.Code, error.Error.StatusCode, error.IsThrottling), target);
            var requestId = string.IsNullOrEmpty(error.Error.RequestId) ? "" : $", request id {error.Error.RequestId}";
            record.ErrorDetails = new ErrorDetails($"{error.Message} ({error.Error.Code}{requestId})");
            return record;
        }

        public static ErrorRecord InvalidInput(string errorId, string message, object? target) =>
            new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

        public static ErrorRecord Connection(Exception error, object? target, string? message = null) =>
            new(error, "ConnectionFailed", ErrorCategory.ConnectionError, target)
            {
                ErrorDetails = new ErrorDetails(message ?? $"The request could not be completed: {error.Message}"),
            };

        /// <summary>No answer within the call's time limit; the message names the operation, the endpoint and the time waited.</summary>
        public static ErrorRecord TimedOut(Exception error, object? target, string message) =>
            new(new TimeoutException(message, error), "OperationTimedOut", ErrorCategory.OperationTimeout, target)
            {
                ErrorDetails = new ErrorDetails(message),
            };

        /// <summary>
        /// A listing that failed after some of its items were written: the cause's error, under an ErrorId a script
        /// can test, saying that what it holds is not all there is.
        /// </summary>
        public static ErrorRecord ListIncomplete(ErrorRecord cause, string operation, long itemsRead, object? target)
        {
            var reason = cause.ErrorDetails?.Message ?? cause.Exception.Message;
            var message = $"The list is incomplete: {operation} stopped after {itemsRead} item{(itemsRead == 1 ? "" : "s")}, and the rest was not read. {reason}";
            return new ErrorRecord(cause.Exception, "ListIncomplete", cause.CategoryInfo.Category, target)
            {
                ErrorDetails = new ErrorDetails(message),
            };
        }

        public static ErrorCategory CategoryFor(string code, int status, bool throttling)
        {
            if (throttling) return ErrorCategory.LimitsExceeded;
            if (Has(code, "NotFound")) return ErrorCategory.ObjectNotFound;
            if (Has(code, "AlreadyExists")) return ErrorCategory.ResourceExists;
            if (Has(code, "Dependency") || Has(code, "InUse") || Has(code, "Conflict")) return ErrorCategory.ResourceBusy;
            if (Has(code, "Forbidden") || Has(code, "AccessDenied") || Has(code, "Unauthorized") || Has(code, "NotAuthorized")) return ErrorCategory.PermissionDenied;
            if (Has(code, "QuotaExceeded") || Has(code, "LimitExceeded")) return ErrorCategory.QuotaExceeded;
            if (Has(code, "IdempotentParameterMismatch")) return ErrorCategory.InvalidOperation;
            if (Has(code, "Invalid") || Has(code, "Validation") || Has(code, "Incompatible")) return ErrorCategory.InvalidArgument;
            if (Has(code, "NotSupported") || Has(code, "NotPermitted")) return ErrorCategory.InvalidOperation;
            if (Has(code, "ServiceUnavailable")) return ErrorCategory.ResourceUnavailable;
            return status switch
            {
                400 => ErrorCategory.InvalidArgument,
                401 or 403 => ErrorCategory.PermissionDenied,
                404 => ErrorCategory.ObjectNotFound,
                409 => ErrorCategory.ResourceBusy,
                429 => ErrorCategory.LimitsExceeded,
                >= 500 => ErrorCategory.ResourceUnavailable,
                _ => ErrorCategory.NotSpecified,
            };
        }

        private static bool Has(string code, string part) => code.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
