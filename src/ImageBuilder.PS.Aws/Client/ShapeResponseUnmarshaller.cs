using System;
using System.IO;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Aws
{
    /// <summary>Reads a response (or an error) of one operation with the protocol engine.</summary>
    internal sealed class ShapeResponseUnmarshaller : JsonResponseUnmarshaller
    {
        private readonly ServiceBinding _binding;
        private readonly OperationDef _operation;

        public ShapeResponseUnmarshaller(ServiceBinding binding, OperationDef operation)
        {
            _binding = binding;
            _operation = operation;
        }

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var body = ReadBody(context);
            var data = context.ResponseData;
            var output = _binding.Protocol.DeserializeResponse(_operation, (int)data.StatusCode, new SdkHeaders(data), body);
            return new OperationResponse
            {
                Output = output,
                HttpStatusCode = data.StatusCode,
                ContentLength = body.Length,
                ResponseMetadata = new ResponseMetadata { RequestId = data.GetHeaderValue("x-amzn-RequestId") },
            };
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            var body = ReadBody(context);
            var error = _binding.Protocol.DeserializeError(_operation, (int)statusCode, new SdkHeaders(context.ResponseData), body);
            return _binding.CreateError(error, innerException);
        }

        private static byte[] ReadBody(JsonUnmarshallerContext context)
        {
            var kept = context.GetResponseBodyBytes();
            if (kept is { Length: > 0 })
            {
                return kept;
            }
            var stream = context.Stream;
            if (stream is null)
            {
                return Array.Empty<byte>();
            }
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        /// <summary>The SDK's view of response headers, as the protocol engine reads them.</summary>
        private sealed class SdkHeaders : IHeaderSource
        {
            private readonly IWebResponseData _response;

            public SdkHeaders(IWebResponseData response) => _response = response;

            public string? Get(string name) => _response.IsHeaderPresent(name) ? _response.GetHeaderValue(name) : null;

            public System.Collections.Generic.IEnumerable<string> Names => _response.GetHeaderNames();
        }
    }
}
