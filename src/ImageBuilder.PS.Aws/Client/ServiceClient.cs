using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Transform;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// A client for one service on AWSSDK.Core's own pipeline: the SDK signs, retries, resolves credentials and
    /// sends; the protocol engine lays out requests and reads responses. Thread-safe and meant to be reused.
    /// </summary>
    public sealed class ServiceClient : AmazonServiceClient
    {
        private readonly ServiceBinding _binding;
        private readonly ShapeRequestMarshaller _marshaller;
        private readonly ConcurrentDictionary<OperationDef, ShapeResponseUnmarshaller> _unmarshallers = new();

        private readonly AWSCredentials _credentials;

        public ServiceClient(AWSCredentials credentials, ServiceClientConfig config) : base(credentials, config)
        {
            _credentials = credentials;
            _binding = config.Binding;
            _marshaller = new ShapeRequestMarshaller(_binding);
        }

        public ServiceBinding Binding => _binding;

        public new ServiceClientConfig Config => (ServiceClientConfig)base.Config;

        /// <summary>How long a call may wait for an answer, attempts and retries included.</summary>
        public System.TimeSpan CallTimeout => Config.Timeout ?? ImageBuilder.PS.Aws.CallTimeout.Default;

        /// <summary>Where calls go, for messages: the custom URL, or the endpoint the service's rules give for the region.</summary>
        public string Endpoint
        {
            get
            {
                try
                {
                    return _binding.ResolveEndpoint(Config.RegionName, Config.UseFIPSEndpoint, Config.UseDualstackEndpoint,
                        string.IsNullOrEmpty(Config.ServiceURL) ? null : Config.ServiceURL);
                }
                catch (ImageBuilder.PS.Endpoints.EndpointResolutionException)
                {
                    return $"the {Config.RegionName} endpoint";
                }
            }
        }

        /// <summary>Where the credentials come from, in words, for messages ("profile 'dev', assuming role ... through STS").</summary>
        public string CredentialSource { get; set; } = "the credentials given";

        /// <summary>
        /// Gets the credentials the next call signs with, on their own, so that a credential source that fails or
        /// never answers (STS, SSO, a credential process) can be told apart from the service. The SDK keeps them
        /// (refreshing ones until they near their expiry), so the call itself gets them again at no cost.
        /// </summary>
        public async Task ResolveCredentialsAsync() => await _credentials.GetCredentialsAsync().ConfigureAwait(false);

        /// <summary>
        /// Calls an operation; a service error arrives as an <see cref="AwsServiceException"/> subclass. Dates in the
        /// output are local time. <paramref name="onRetry"/> hears, on a pool thread, of each attempt after the first.
        /// </summary>
        public async Task<IAwsStructure?> CallAsync(OperationDef operation, IAwsStructure? input, CancellationToken cancellationToken, System.Action<string>? onRetry = null)
        {
            RetryObserver.Listener.Value = onRetry;
            var options = new InvokeOptions
            {
                RequestMarshaller = _marshaller,
                ResponseUnmarshaller = _unmarshallers.GetOrAdd(operation, op => new ShapeResponseUnmarshaller(_binding, op)),
            };
            var response = await InvokeAsync<OperationResponse>(new OperationRequest(operation, input), options, cancellationToken).ConfigureAwait(false);
            TimestampKinds.ToLocal(response.Output);
            return response.Output;
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            // Without an auth scheme nothing is signed; every operation of these services uses SigV4.
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthResolver());
            pipeline.AddHandlerAfter<RetryHandler>(new RetryObserver());
        }

        private sealed class SigV4AuthResolver : BaseAuthResolverHandler
        {
            protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) => AuthSchemeOption.DEFAULT_SIGV4;
        }
    }
}
