using System;
using ImageBuilder.PS.Model.AppStream;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Logs;
using ImageBuilder.PS.Model.WorkSpaces;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Aws
{
    /// <summary>What a client needs to know about one service beyond its model: endpoints and error types.</summary>
    public sealed class ServiceBinding
    {
        public static readonly ServiceBinding ImageBuilder = new(IbOperations.Service, IbEndpoints.Resolve, Ib.IbErrors.Create, "IMAGEBUILDER");
        public static readonly ServiceBinding AppStream = new(AppStreamOperations.Service, AppStreamEndpoints.Resolve, Aws.AppStream.AppStreamErrors.Create, "APPSTREAM");
        public static readonly ServiceBinding WorkSpaces = new(WorkSpacesOperations.Service, WorkSpacesEndpoints.Resolve, Aws.WorkSpaces.WorkSpacesErrors.Create, "WORKSPACES");
        public static readonly ServiceBinding Logs = new(LogsOperations.Service, LogsEndpoints.Resolve, Aws.Logs.LogsErrors.Create, "CLOUDWATCH_LOGS");

        /// <summary>
        /// The binding of the service an operation belongs to, matched by reference (two models could share a
        /// service id; an operation object belongs to exactly one of them). No allocation: callers do this per call.
        /// </summary>
        public static ServiceBinding For(OperationDef operation)
        {
            var service = operation.Service;
            if (ReferenceEquals(service, ImageBuilder.Service)) return ImageBuilder;
            if (ReferenceEquals(service, AppStream.Service)) return AppStream;
            if (ReferenceEquals(service, WorkSpaces.Service)) return WorkSpaces;
            if (ReferenceEquals(service, Logs.Service)) return Logs;
            throw new ArgumentException($"{operation.Name} belongs to no service the module is bound to.", nameof(operation));
        }

        public ServiceBinding(
            ServiceDef service,
            Func<string?, bool, bool, string?, string> resolveEndpoint,
            Func<ServiceErrorData, Exception?, AwsServiceException> createError,
            string environmentSuffix)
        {
            Service = service;
            ResolveEndpoint = resolveEndpoint;
            CreateError = createError;
            EnvironmentSuffix = environmentSuffix;
            Protocol = ClientProtocol.For(service);
        }

        public ServiceDef Service { get; }
        public ClientProtocol Protocol { get; }
        /// <summary>(region, useFips, useDualStack, customEndpoint) → URL, per the service's endpoint rules.</summary>
        public Func<string?, bool, bool, string?, string> ResolveEndpoint { get; }
        public Func<ServiceErrorData, Exception?, AwsServiceException> CreateError { get; }
        /// <summary>The service's part of AWS_ENDPOINT_URL_&lt;SERVICE&gt;.</summary>
        public string EnvironmentSuffix { get; }

        public override string ToString() => Service.ServiceId;
    }
}
