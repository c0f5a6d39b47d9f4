using System;
using System.Text;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>awsJson 1.0/1.1 (AppStream's and WorkSpaces' protocol): every call a POST to "/" naming its target in a header.</summary>
    public sealed class AwsJsonClientProtocol : ClientProtocol
    {
        private static readonly byte[] EmptyObject = Encoding.UTF8.GetBytes("{}");

        public AwsJsonClientProtocol(ServiceDef service) : base(service)
        {
            ContentType = service.Protocol == WireProtocol.AwsJson10 ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
        }

        public string ContentType { get; }

        public override HttpRequestData SerializeRequest(OperationDef operation, IAwsStructure? input)
        {
            var request = new HttpRequestData("POST", "/");
            request.Headers["X-Amz-Target"] = Service.TargetPrefix + "." + operation.Name;
            request.Headers["Content-Type"] = ContentType;
            request.HostPrefix = ResolveHostPrefix(operation, input);
            if (input is null)
            {
                request.Body = EmptyObject;
                return request;
            }
            FillIdempotencyTokens(input);
            request.Body = WriteJson(w => JsonShapeWriter.WriteBodyMembers(w, input));
            return request;
        }

        public override IAwsStructure? DeserializeResponse(OperationDef operation, int statusCode, IHeaderSource headers, ReadOnlySpan<byte> body)
        {
            if (operation.Output is null)
            {
                return null;
            }
            var output = JsonShapeReader.CreateStructure(operation.Output);
            JsonShapeReader.ReadBodyMembers(body, output);
            return output;
        }
    }
}
