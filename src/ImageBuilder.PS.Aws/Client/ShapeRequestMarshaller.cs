using System;
using System.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Aws
{
    /// <summary>Lays a request out with the protocol engine and copies it into the SDK's request for signing and sending.</summary>
    internal sealed class ShapeRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        private readonly ServiceBinding _binding;

        public ShapeRequestMarshaller(ServiceBinding binding) => _binding = binding;

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var call = (OperationRequest)input;
            var data = _binding.Protocol.SerializeRequest(call.Operation, call.Input);
            var request = new DefaultRequest(call, _binding.Service.ServiceId)
            {
                HttpMethod = data.Method,
                ResourcePath = data.PathTemplate,
            };
            foreach (var label in data.PathLabels)
            {
                // The SDK encodes path resources itself (and signs what it sends); greedy labels keep their slashes.
                request.AddPathResource(PlaceholderFor(data.PathTemplate, label.Key), label.Value);
            }
            foreach (var pair in data.Query.Where(p => p.Value is null))
            {
                request.AddSubResource(pair.Key);
            }
            // A list member repeats its name (?tagKeys=a&tagKeys=b); the SDK's collection holds such a name once, with its values.
            foreach (var named in data.Query.Where(p => p.Value is not null).GroupBy(p => p.Key, StringComparer.Ordinal))
            {
                var values = named.Select(p => p.Value!).ToList();
                if (values.Count == 1)
                {
                    request.ParameterCollection.Add(named.Key, values[0]);
                }
                else
                {
                    request.ParameterCollection.Add(named.Key, values);
                }
            }
            if (data.Query.Count > 0)
            {
                request.UseQueryString = true;
            }
            foreach (var header in data.Headers)
            {
                request.Headers[header.Key] = header.Value;
            }
            if (data.Body is not null)
            {
                request.Content = data.Body;
            }
            if (data.HostPrefix is not null)
            {
                request.HostPrefix = data.HostPrefix;
            }
            return request;
        }

        private static string PlaceholderFor(string template, string label) =>
            template.IndexOf("{" + label + "+}", StringComparison.Ordinal) >= 0 ? "{" + label + "+}" : "{" + label + "}";
    }
}
