using System;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// The read after a create or an update the service carried out: the resource as Get- writes it, or, when the
    /// read fails, what is known with a warning. The work was done, so it is never reported as a failure.
    /// </summary>
    internal sealed class ReadBack
    {
        private readonly IbCmdlet _cmdlet;

        public ReadBack(IbCmdlet cmdlet) => _cmdlet = cmdlet;

        public void Write<TRequest, TResponse, TResource>(OperationDef<TRequest, TResponse> get, TRequest request, string id,
            Func<TResponse, TResource?> resource, Func<TResource> known, string readAgain, Action<TResource>? write, string done, string written)
            where TRequest : class, IAwsStructure
            where TResponse : class, IAwsStructure
            where TResource : class
        {
            write ??= value => _cmdlet.WriteObject(value);
            var output = (TResponse?)_cmdlet.TracedSend(get, request, id, out var failure);
            if (output is { } response && resource(response) is { } found)
            {
                write(found);
                return;
            }
            var reason = failure is null ? $"{get.Name} gave no resource" : $"{get.Name}: {failure.Reason}";
            _cmdlet.WriteWarning($"{id} was {done}, but it could not be read back ({reason}). {written}; to read it in full: {readAgain}");
            write(known());
        }
    }
}
