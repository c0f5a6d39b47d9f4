using System;
using System.Collections.Generic;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>
    /// One operation of a service: its HTTP binding, input and output shapes, errors and paging. The generated
    /// operations are <see cref="OperationDef{TRequest, TResponse}"/>, which also carry the CLR types; this base is
    /// what the protocol layer (marshalling, the emulator's router) works with.
    /// </summary>
    public class OperationDef
    {
        public OperationDef(string name, string httpMethod, string requestUri)
        {
            Name = name;
            HttpMethod = httpMethod;
            RequestUri = requestUri;
        }

        public string Name { get; }
        /// <summary>The service the operation belongs to, set when <see cref="ServiceDef.Add"/> takes it.</summary>
        public ServiceDef? Service { get; internal set; }
        public string HttpMethod { get; }
        /// <summary>The URI template: a path with {Label} and {Greedy+} labels, and possibly fixed query parameters.</summary>
        public string RequestUri { get; }
        public int SuccessStatusCode { get; set; } = 200;
        public ShapeDef? Input { get; set; }
        public ShapeDef? Output { get; set; }
        public IReadOnlyList<ShapeDef> Errors { get; set; } = Array.Empty<ShapeDef>();
        /// <summary>A prefix added to the endpoint's host name; may contain {Label} host labels.</summary>
        public string? HostPrefix { get; set; }
        public PaginatorDef? Paginator { get; set; }
        public bool IsDeprecated { get; set; }
        /// <summary>The request body is gzip-compressed when large enough (requestcompression trait).</summary>
        public bool SupportsRequestCompression { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>How a list operation pages: which input member carries the token, which output member returns it.</summary>
    public sealed class PaginatorDef
    {
        public PaginatorDef(string inputToken, string outputToken, string? limitKey, string resultKey)
        {
            InputToken = inputToken;
            OutputToken = outputToken;
            LimitKey = limitKey;
            ResultKey = resultKey;
        }

        /// <summary>Member names in the model's spelling.</summary>
        public string InputToken { get; }
        public string OutputToken { get; }
        public string? LimitKey { get; }
        public string ResultKey { get; }
    }
}
