using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Http;

/// <summary>
/// The shared parts of the emulator (paging, arranged faults) speak Image Builder's errors. AppStream and WorkSpaces
/// have models of their own, and a client generated from them knows only those codes (and the json protocol's common
/// ones), so an error leaving for one of them is said in its words.
/// </summary>
internal static class ErrorDialect
{
    private const string AppStreamPrefix = "PhotonAdminProxyService";
    private const string WorkSpacesPrefix = "WorkspacesService";

    public static ServiceError For(ServiceDef? service, ServiceError error)
    {
        if (service?.TargetPrefix is not (AppStreamPrefix or WorkSpacesPrefix))
        {
            return error;
        }
        return error.Code switch
        {
            // Neither model has a paging-token error; each refuses a bad token as it refuses any bad parameter
            // (AppStream with the protocol's ValidationException, WorkSpaces with its own InvalidParameterValuesException).
            "InvalidPaginationTokenException" => new ServiceError(
                service.TargetPrefix == AppStreamPrefix ? "ValidationException" : "InvalidParameterValuesException", 400, error.Message),
            _ => error,
        };
    }

    /// <summary>The code of an arranged 5xx: Image Builder's own, or the json protocol's common ones for the others.</summary>
    public static string ServerErrorCode(ServiceDef service, int status)
    {
        if (service.Protocol == WireProtocol.RestJson)
        {
            return status == 503 ? "ServiceUnavailableException" : status == 500 ? "ServiceException" : "InternalFailure";
        }
        return status == 503 ? "ServiceUnavailable" : "InternalFailure";
    }
}
