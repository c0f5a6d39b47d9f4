using System.Net;

namespace ImageBuilder.PS.Emulator.Core;

/// <summary>
/// An error the emulator answers with, as the service would: an error code (the x-amzn-ErrorType and __type),
/// an HTTP status and a message. Thrown by handlers and turned into a response by the dispatcher.
/// </summary>
internal sealed class ServiceError : Exception
{
    public ServiceError(string code, int status, string message) : base(message)
    {
        Code = code;
        Status = status;
    }

    public string Code { get; }
    public int Status { get; }

    /// <summary>An error the model defines, with the status the model gives it (400 when it gives none, as awsJson services do).</summary>
    public static ServiceError FromShape(ImageBuilder.PS.Protocol.ShapeDef shape, string message) =>
        new(shape.ErrorCodeOrName, shape.ErrorStatusCode ?? 400, message);

    // Image Builder's errors, with the status codes its model gives them.
    public static ServiceError NotFound(string message) => new("ResourceNotFoundException", 404, message);
    public static ServiceError InvalidParameterValue(string message) => new("InvalidParameterValueException", 400, message);
    public static ServiceError InvalidParameter(string message) => new("InvalidParameterException", 400, message);
    public static ServiceError InvalidRequest(string message) => new("InvalidRequestException", 400, message);
    public static ServiceError InvalidParameterCombination(string message) => new("InvalidParameterCombinationException", 400, message);
    public static ServiceError InvalidVersionNumber(string message) => new("InvalidVersionNumberException", 400, message);
    public static ServiceError AlreadyExists(string message) => new("ResourceAlreadyExistsException", 400, message);
    public static ServiceError Dependency(string message) => new("ResourceDependencyException", 400, message);
    public static ServiceError InUse(string message) => new("ResourceInUseException", 400, message);
    public static ServiceError IdempotencyMismatch(string message) => new("IdempotentParameterMismatchException", 400, message);
    public static ServiceError InvalidPaginationToken(string message) => new("InvalidPaginationTokenException", 400, message);
    public static ServiceError DryRun(string message) => new("DryRunOperationException", 412, message);
    public static ServiceError Forbidden(string message) => new("ForbiddenException", 403, message);

    // Errors every AWS front end sends, whatever the service's model lists.
    public static ServiceError Serialization(string message) => new("SerializationException", 400, message);
    public static ServiceError UnknownOperation(string message, int status = 404) => new("UnknownOperationException", status, message);
    public static ServiceError MissingAuthenticationToken() => new("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    public static ServiceError IncompleteSignature(string message) => new("IncompleteSignatureException", 400, message);
    public static ServiceError UnsupportedMediaType(string contentType) =>
        new("UnsupportedMediaTypeException", (int)HttpStatusCode.UnsupportedMediaType, $"Unsupported Media Type: '{contentType}'.");
    public static ServiceError RequestTooLarge(long limit) =>
        new("RequestEntityTooLargeException", (int)HttpStatusCode.RequestEntityTooLarge, $"Request body is larger than the limit of {limit} bytes.");
    public static ServiceError Internal(string message) => new("InternalFailure", 500, message);
}
