using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Core;

/// <summary>The handlers of one service's operations, keyed by the model's operation.</summary>
internal sealed class OperationTable
{
    private readonly Dictionary<string, Func<IAwsStructure, CallContext, IAwsStructure?>> _handlers = new(StringComparer.Ordinal);

    public OperationTable(ServiceDef service) => Service = service;

    public ServiceDef Service { get; }

    /// <summary>A handler typed by the operation: its request and answer types come from the generated operation.</summary>
    public void Add<TIn, TOut>(OperationDef<TIn, TOut> operation, Func<TIn, CallContext, TOut> handler)
        where TIn : class, IAwsStructure
        where TOut : class, IAwsStructure
    {
        if (!Service.TryGetOperation(operation.Name, out var known) || !ReferenceEquals(known, operation))
        {
            throw new ArgumentException($"{operation.Name} is not an operation of {Service.ServiceId}.", nameof(operation));
        }
        _handlers.Add(operation.Name, (input, context) => handler((TIn)input, context));
    }

    /// <summary>An operation whose model has no output (CloudWatch Logs' CreateLogGroup): the response is an empty object.</summary>
    public void Add<TIn>(OperationDef operation, Action<TIn, CallContext> handler)
        where TIn : IAwsStructure
    {
        if (operation.Output is not null)
        {
            throw new ArgumentException($"{operation.Name} has an output; give a handler that returns it.", nameof(operation));
        }
        if (!Service.TryGetOperation(operation.Name, out var known) || !ReferenceEquals(known, operation))
        {
            throw new ArgumentException($"{operation.Name} is not an operation of {Service.ServiceId}.", nameof(operation));
        }
        _handlers.Add(operation.Name, (input, context) =>
        {
            handler((TIn)input, context);
            return null;
        });
    }

    public bool TryGet(string operation, out Func<IAwsStructure, CallContext, IAwsStructure?> handler) =>
        _handlers.TryGetValue(operation, out handler!);

    /// <summary>Operations of the model without a handler (none, once the emulator is complete).</summary>
    public IEnumerable<string> Missing => Service.Operations.Select(o => o.Name).Where(n => !_handlers.ContainsKey(n));
}
