using Amazon.Runtime;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Aws
{
    /// <summary>Carries one operation's input through AWSSDK.Core's pipeline, which only knows its own request type.</summary>
    public sealed class OperationRequest : AmazonWebServiceRequest
    {
        public OperationRequest(OperationDef operation, IAwsStructure? input)
        {
            Operation = operation;
            Input = input;
        }

        public OperationDef Operation { get; }
        public IAwsStructure? Input { get; }
    }

    /// <summary>Carries one operation's decoded output back out of the pipeline.</summary>
    public sealed class OperationResponse : AmazonWebServiceResponse
    {
        public IAwsStructure? Output { get; set; }
    }
}
