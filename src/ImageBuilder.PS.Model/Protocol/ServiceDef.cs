using System;
using System.Collections.Generic;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>A service as the module needs to call it: protocol, names, operations and the errors it can send.</summary>
    public sealed class ServiceDef
    {
        private readonly Dictionary<string, OperationDef> _operations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ShapeDef> _errors = new(StringComparer.Ordinal);

        public ServiceDef(string serviceId, WireProtocol protocol, string apiVersion)
        {
            ServiceId = serviceId;
            Protocol = protocol;
            ApiVersion = apiVersion;
        }

        /// <summary>The SDK service id (also the suffix of the AWS_ENDPOINT_URL_* variable).</summary>
        public string ServiceId { get; }
        public WireProtocol Protocol { get; }
        public string ApiVersion { get; }
        public string? TargetPrefix { get; set; }
        public string SigningName { get; set; } = "";
        public string EndpointPrefix { get; set; } = "";

        public IReadOnlyCollection<OperationDef> Operations => _operations.Values;

        public void Add(OperationDef operation)
        {
            if (operation.Service is { } owner && !ReferenceEquals(owner, this))
            {
                throw new ArgumentException($"{operation.Name} already belongs to {owner.ServiceId}.", nameof(operation));
            }
            operation.Service = this;
            _operations[operation.Name] = operation;
            foreach (var error in operation.Errors)
            {
                _errors[error.ErrorCodeOrName] = error;
            }
        }

        public OperationDef Operation(string name) =>
            _operations.TryGetValue(name, out var op) ? op : throw new KeyNotFoundException($"The {ServiceId} model has no operation {name}.");

        public bool TryGetOperation(string name, out OperationDef operation) => _operations.TryGetValue(name, out operation!);

        /// <summary>The error shape for a code the service sent, or null when the model does not list it.</summary>
        public ShapeDef? FindError(string code) => _errors.TryGetValue(code, out var shape) ? shape : null;
    }
}
